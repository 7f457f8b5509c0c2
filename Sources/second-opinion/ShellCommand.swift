import Foundation

/// A command line to show a person (in a message saying what to run next),
/// each word quoted for a POSIX shell when it needs it, so a folder with a
/// space in its name can be pasted as shown.
enum ShellCommand {
  /// `second-opinion` and the words, quoted where needed.
  static func line(_ words: String...) -> String {
    (["second-opinion"] + words.map(quote)).joined(separator: " ")
  }

  /// One word, single-quoted unless it is made only of characters a shell
  /// takes literally.
  static func quote(_ word: String) -> String {
    let plain =
      !word.isEmpty
      && word.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "-_./:@%+=,".unicodeScalars.contains(scalar))
      }
    return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
