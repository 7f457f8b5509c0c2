import Foundation

/// The words accepted for "not sure", "prefer not to say", yes and no, and
/// skipping an optional question. Compared in lower case, trimmed.
public enum AnswerWords {
  /// Words meaning "not sure".
  public static let unknown: Set<String> = [
    "not sure", "notsure", "unsure", "don't know", "dont know", "do not know", "i don't know",
    "i dont know", "unknown", "no idea", "not known", "dunno",
  ]
  /// Words meaning "prefer not to say".
  public static let declined: Set<String> = [
    "prefer not to say", "prefer not", "rather not say", "i'd rather not say", "decline",
    "declined", "no comment",
  ]
  /// Words meaning yes.
  public static let yes: Set<String> = [
    "y", "yes", "yeah", "yep", "yup", "aye", "true", "correct", "yes please", "i do", "it is",
    "they do", "ok", "okay", "sure",
  ]
  /// Words meaning no.
  public static let no: Set<String> = [
    "n", "no", "nope", "nah", "false", "no thanks", "not really", "i don't", "i dont", "they don't",
    "it isn't", "never",
  ]
  /// Words that skip an optional question (a blank line does too).
  public static let skip: Set<String> = ["none", "skip", "nothing", "no more", "n/a", "na"]

  /// Whether a folded answer may be one of `unknown`, `declined` or `skip`:
  /// false when it is longer than any of them or starts with a byte none
  /// starts with (a number, say), so that most answers need no look-up.
  public static func mayBeSpecial(_ folded: String) -> Bool {
    guard let first = folded.utf8.first else { return true }
    return folded.utf8.count <= special.longest && special.firstBytes[Int(first)]
  }

  /// `mayBeSpecial(fold(text))` seen before folding, for ASCII text: false
  /// when the first byte folding keeps (after spaces, full stops and
  /// exclamation marks), in lower case, starts none of the special words.
  /// Nil when that cannot be seen so (text not ASCII, or that folds to nothing).
  public static func mayBeSpecialUnfolded(_ text: String) -> Bool? {
    text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x2E && $0 != 0x21 }), first < 0x80,
        !bytes.contains(where: { $0 >= 0x80 })
      else { return nil }
      return special.firstBytes[Int(PrintableASCII.lower(first))]
    } ?? nil
  }

  /// The longest word of `unknown`, `declined` and `skip`, in bytes, and the
  /// bytes they start with.
  private static let special: (longest: Int, firstBytes: [Bool]) = {
    let all = unknown.union(declined).union(skip)
    var firstBytes = Array(repeating: false, count: 256)
    for word in all { firstBytes[Int(word.utf8.first ?? 0)] = true }
    return (all.map(\.utf8.count).max() ?? 0, firstBytes)
  }()

  /// Folds curly apostrophes and repeated spaces so "don’t  know" matches:
  /// lower case, ’ as ', single spaces, no spaces at the ends, and no full
  /// stops or exclamation marks at the ends. (Done on UTF-8 bytes, so a line
  /// of a megabyte folds quickly.)
  public static func fold(_ text: String) -> String {
    if isFolded(text) { return text }
    let lower = Array(text.lowercased().utf8)
    var out: [UInt8] = []
    out.reserveCapacity(lower.count)
    var space = false
    var index = 0
    while index < lower.count {
      let byte = lower[index]
      index += 1
      if byte == 0x20 {
        space = !out.isEmpty
        continue
      }
      if space {
        out.append(0x20)
        space = false
      }
      if byte == 0xE2, index + 1 < lower.count, lower[index] == 0x80, lower[index + 1] == 0x99 {
        out.append(0x27)  // ’ (U+2019) as '
        index += 2
        continue
      }
      out.append(byte)
    }
    var low = 0
    var high = out.count
    while low < high, out[low] == 0x2E || out[low] == 0x21 { low += 1 }
    while high > low, out[high - 1] == 0x2E || out[high - 1] == 0x21 { high -= 1 }
    return String(decoding: out[low..<high], as: UTF8.self)
  }

  /// Whether `fold` would give the text back as it is: ASCII with no capital
  /// letters, no space at either end or next to another, and no full stop or
  /// exclamation mark at either end (most answers: "yes", "2", "1, 3").
  private static func isFolded(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let first = bytes.first, let last = bytes.last else { return true }
      func trimmed(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2E || byte == 0x21 }
      if trimmed(first) || trimmed(last) { return false }
      var previous: UInt8 = 0
      for byte in bytes {
        if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || (byte == 0x20 && previous == 0x20) { return false }
        previous = byte
      }
      return true
    } ?? false
  }
}
