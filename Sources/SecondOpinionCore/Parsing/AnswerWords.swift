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

  /// Folds curly apostrophes and repeated spaces so "don’t  know" matches:
  /// lower case, ’ as ', single spaces, no spaces at the ends, and no full
  /// stops or exclamation marks at the ends. (Done on UTF-8 bytes, so a line
  /// of a megabyte folds quickly.)
  public static func fold(_ text: String) -> String {
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
}
