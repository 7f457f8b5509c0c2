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

  /// Folds curly apostrophes and repeated spaces so "don’t  know" matches.
  public static func fold(_ text: String) -> String {
    text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
      .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
      .trimmingCharacters(in: CharacterSet(charactersIn: ".!"))
  }
}
