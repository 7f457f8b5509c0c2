/// How a question is shown: its text, its numbered choices, and what is
/// accepted; and what tab completion offers for it.
public struct QuestionPresenter: Sendable {
  /// The question.
  public var question: Question
  /// The voice.
  public var voice: Voice

  /// Creates a presenter.
  public init(question: Question, voice: Voice) {
    self.question = question
    self.voice = voice
  }

  /// The question as shown, wrapped to `width` columns without breaking a
  /// word (unless it is longer than a line), ending with a newline: its text,
  /// its numbered choices, and the hint in brackets.
  public func render(width: Int = OutputWidth.standard) -> String {
    var out = TextWrapper.wrap(question.text.text(for: voice), width: width) + "\n"
    for (index, choice) in (question.choices ?? []).enumerated() {
      out +=
        TextWrapper.wrap("  \(index + 1). \(choice.label.text(for: voice))", width: width, hangingIndent: "     ")
        + "\n"
    }
    out += TextWrapper.wrap("(" + hint() + ")", width: width, hangingIndent: " ") + "\n"
    return out
  }

  private func hint() -> String {
    var parts: [String] = []
    switch question.type {
    case .yesNo: parts.append("yes or no")
    case .singleChoice: parts.append("type a number or the start of a word")
    case .multipleChoice: parts.append("type the numbers of all that apply, separated by commas")
    case .date: parts.append("a date, like 25/11/1970")
    case .number: parts.append("a number")
    case .text:
      switch question.format ?? .plain {
      case .nhsNumber: parts.append("10 digits")
      case .postcode: parts.append("like SW1A 1AA")
      case .phone: parts.append("a UK phone number")
      default: break
      }
    }
    if question.allowsUnknown { parts.append("\"not sure\" is fine") }
    if question.allowsDecline { parts.append("\"prefer not to say\" is fine") }
    if question.isOptional { parts.append("press Enter to skip") }
    parts.append("? for help, back to go back")
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
