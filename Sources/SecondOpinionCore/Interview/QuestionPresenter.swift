/// How a question is shown: its text, its numbered choices, and what is
/// accepted; and what tab completion offers for it.
public struct QuestionPresenter: Sendable {
  /// The question.
  public var question: Question
  /// The voice.
  public var voice: Voice
  /// Where the hint's wording comes from (`wording:` keys `hint_...`); the
  /// built-in English when nil or a key is missing.
  public var definition: InterviewDefinition?
  /// The accessible mode's layout, for a screen reader: nothing wrapped or
  /// indented, each choice one line starting with its number ("1. Chest pain").
  public var accessible: Bool

  /// Creates a presenter.
  public init(question: Question, voice: Voice, definition: InterviewDefinition? = nil, accessible: Bool = false) {
    self.question = question
    self.voice = voice
    self.definition = definition
    self.accessible = accessible
  }

  /// A part of the hint in the seeds' wording.
  private func say(_ key: String, _ fallback: String) -> String {
    definition?.say("hint_" + key, voice, fallback: fallback) ?? fallback
  }

  /// The question as shown, wrapped to `width` columns without breaking a
  /// word (unless it is longer than a line), ending with a newline: its text,
  /// its numbered choices, and the hint in brackets. In the accessible
  /// mode `width` is not used: nothing is wrapped, and a choice's line is its
  /// number first, with no indent.
  public func render(width: Int = OutputWidth.standard) -> String {
    let width = accessible ? OutputWidth.unlimited : width
    let indent = accessible ? "" : "  "
    var out = TextWrapper.wrap(question.text.text(for: voice), width: width) + "\n"
    for (index, choice) in (question.choices ?? []).enumerated() {
      out +=
        TextWrapper.wrap(
          "\(indent)\(index + 1). \(choice.label.text(for: voice))", width: width, hangingIndent: "     ")
        + "\n"
    }
    out += TextWrapper.wrap("(" + hint() + ")", width: width, hangingIndent: " ") + "\n"
    return out
  }

  private func hint() -> String {
    var parts: [String] = []
    switch question.type {
    case .yesNo: parts.append(say("yes_no", "yes or no"))
    case .singleChoice: parts.append(say("single_choice", "type a number or the start of a word"))
    case .multipleChoice:
      parts.append(say("multiple_choice", "type the numbers of all that apply, separated by commas"))
    case .date: parts.append(say("date", "a date, like 25/11/1970"))
    case .number: parts.append(say("number", "a number"))
    case .text:
      switch question.format ?? .plain {
      case .nhsNumber: parts.append(say("nhs_number", "10 digits"))
      case .postcode: parts.append(say("postcode", "like SW1A 1AA"))
      case .phone: parts.append(say("phone", "a UK phone number"))
      default: break
      }
    }
    if question.allowsUnknown { parts.append(say("not_sure", "\"not sure\" is fine")) }
    if question.allowsDecline { parts.append(say("prefer_not_to_say", "\"prefer not to say\" is fine")) }
    if question.isOptional { parts.append(say("skip", "press Enter to skip")) }
    parts.append(say("commands", "? for help, back to go back"))
    return parts.joined(separator: "; ")
  }

  /// What tab completion offers: the choices' labels, yes/no, and the
  /// "not sure" words where accepted. Never file names.
  public var completions: [String] {
    var words: [String] = []
    switch question.type {
    case .yesNo: words = ["yes", "no"]
    case .singleChoice, .multipleChoice:
      words = (question.choices ?? []).map { $0.label.text(for: voice) }
    default: break
    }
    if question.allowsUnknown { words.append("not sure") }
    if question.allowsDecline { words.append("prefer not to say") }
    words += ["help", "back"]
    return words
  }
}
