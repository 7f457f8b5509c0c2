import Foundation

/// The phrases a `textMentions` condition looks for, with an index made once
/// when the seeds are read: the phrases that are ASCII, in lower case, grouped
/// by their first byte. One pass over an answer's bytes then finds whether any
/// phrase occurs, instead of one search per phrase (the self-harm check has 44
/// phrases, and is tested whenever a text answer changes). Equal when the
/// phrases are equal.
public struct PhraseSet: Sendable, Equatable, ExpressibleByArrayLiteral {
  /// The phrases, as written in the seeds.
  public let phrases: [String]
  private let index: Index

  /// Creates a set of phrases.
  public init(_ phrases: [String]) {
    self.phrases = phrases
    index = Index(phrases)
  }

  /// Creates a set of phrases from a literal.
  public init(arrayLiteral phrases: String...) { self.init(phrases) }

  public static func == (left: PhraseSet, right: PhraseSet) -> Bool { left.phrases == right.phrases }

  /// This set's identity (the same for its copies), to remember answers by.
  var identity: ObjectIdentifier { ObjectIdentifier(index) }

  /// Whether the text, in lower case, contains any of the phrases in lower
  /// case, as Foundation's `contains` decides (an empty phrase is never
  /// found). Text that is ASCII without NUL (nearly always) is searched byte by
  /// byte, folding A-Z, for the phrases that are ASCII without NUL; for those
  /// the answer is the same. Anything else takes Foundation's path.
  public func isMentioned(in text: String) -> Bool {
    let quick = text.utf8.withContiguousStorageIfAvailable { haystack -> Bool? in
      guard haystack.allSatisfy(Index.isPlain) else { return nil }
      return index.search(haystack)
    }
    if let quick, let quick {
      if quick { return true }
      if index.others.isEmpty { return false }
      let lower = text.lowercased()
      return index.others.contains { lower.contains($0.lowercased()) }
    }
    let haystack = text.lowercased()
    return phrases.contains { haystack.contains($0.lowercased()) }
  }

  /// The ASCII phrases by first byte (lower case), and the others.
  private final class Index: Sendable {
    /// The ASCII phrases in lower case, one after another, grouped by first byte.
    let bytes: [UInt8]
    /// Where each phrase starts in `bytes`; one more entry for the end.
    let starts: [Int]
    /// For each first byte (0 to 127), the range of phrases (in `starts`) that
    /// begin with it: from `groups[byte]` to `groups[byte + 1]`.
    let groups: [Int]
    /// Phrases that are not ASCII without NUL, searched through Foundation.
    let others: [String]
    /// One bit for each pair of bytes (lower case, 0 to 127 each) that starts a
    /// phrase of two bytes or more, and for each byte that is a phrase on its
    /// own (its pair with 0, which no text has): most places in a text start no
    /// phrase, and this settles them with one look-up.
    let pairs: [UInt64]

    static func isPlain(_ byte: UInt8) -> Bool { byte != 0 && byte < 0x80 }
    static func lower(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }

    init(_ phrases: [String]) {
      var byFirst = Array(repeating: [[UInt8]](), count: 128)
      var others: [String] = []
      for phrase in phrases {
        let bytes = Array(phrase.utf8)
        guard bytes.allSatisfy(Self.isPlain) else {
          others.append(phrase)
          continue
        }
        // An empty phrase is never found.
        guard let first = bytes.first else { continue }
        byFirst[Int(Self.lower(first))].append(bytes.map(Self.lower))
      }
      var bytes: [UInt8] = []
      var starts: [Int] = []
      var groups: [Int] = []
      var pairs = Array(repeating: UInt64(0), count: 128 * 128 / 64)
      for group in byFirst {
        for phrase in group {
          let pair = Int(phrase[0]) << 7 | Int(phrase.count > 1 ? phrase[1] : 0)
          pairs[pair >> 6] |= 1 << UInt64(pair & 63)
        }
        groups.append(starts.count)
        for phrase in group {
          starts.append(bytes.count)
          bytes += phrase
        }
      }
      groups.append(starts.count)
      starts.append(bytes.count)
      self.bytes = bytes
      self.starts = starts
      self.groups = groups
      self.others = others
      self.pairs = pairs
      hasSingles = byFirst.contains { $0.contains { $0.count == 1 } }
    }

    /// Whether some phrase is one byte long (then each byte is looked up on its own too).
    let hasSingles: Bool

    /// Whether a phrase may start with these bytes (lower case; `second` 0 for
    /// a phrase of one byte).
    private func mayStart(_ first: UInt8, _ second: UInt8, in pairs: UnsafeBufferPointer<UInt64>) -> Bool {
      let pair = Int(first) << 7 | Int(second)
      return pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
    }

    /// Whether any ASCII phrase occurs in the haystack (ASCII), ignoring the case of A-Z.
    func search(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
      bytes.withUnsafeBufferPointer { bytes in
        starts.withUnsafeBufferPointer { starts in
          groups.withUnsafeBufferPointer { groups in
            pairs.withUnsafeBufferPointer { pairs in
              let singles = hasSingles
              var firstByte = haystack.isEmpty ? 0 : Self.lower(haystack[0])
              for start in haystack.indices {
                let next = start + 1 < haystack.count ? Self.lower(haystack[start + 1]) : 0
                defer { firstByte = next }
                guard mayStart(firstByte, next, in: pairs) || (singles && mayStart(firstByte, 0, in: pairs)) else {
                  continue
                }
                let first = Int(firstByte)
                var phrase = groups[first]
                let end = groups[first + 1]
                while phrase < end {
                  let from = starts[phrase]
                  let count = starts[phrase + 1] - from
                  phrase += 1
                  guard count <= haystack.count - start else { continue }
                  var offset = 1
                  while offset < count, Self.lower(haystack[start + offset]) == bytes[from + offset] { offset += 1 }
                  if offset == count { return true }
                }
              }
              return false
            }
          }
        }
      }
    }
  }
}
