/// How a question is shown: its text, its numbered choices, and what is
/// accepted; and what tab completion offers for it.
public struct QuestionPresenter: Sendable {
  /// The question.
  public var question: Question
  /// The voice.
  public var voice: Voice
  /// Where the hint's wording (`wording:` keys `hint_...`) and the words Tab
  /// offers (`words:`) come from.
  public var definition: InterviewDefinition
  /// The accessible mode's layout, for a screen reader: nothing wrapped or
  /// indented, each choice one line starting with its number ("1. Chest pain").
  public var accessible: Bool

  /// Creates a presenter.
  public init(question: Question, voice: Voice, definition: InterviewDefinition, accessible: Bool = false) {
    self.question = question
    self.voice = voice
    self.definition = definition
    self.accessible = accessible
  }

  /// A part of the hint in the seeds' wording.
  private func say(_ key: InterfaceWording) -> String { definition.say(key, voice) }

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
    case .yesNo: parts.append(say(.hintYesNo))
    case .singleChoice: parts.append(say(.hintSingleChoice))
    case .multipleChoice: parts.append(say(.hintMultipleChoice))
    case .date: parts.append(say(.hintDate))
    case .number: parts.append(say(.hintNumber))
    case .text:
      switch question.format ?? .plain {
      case .nhsNumber: parts.append(say(.hintNHSNumber))
      case .postcode: parts.append(say(.hintPostcode))
      case .phone: parts.append(say(.hintPhone))
      default: break
      }
    }
    if question.allowsUnknown { parts.append(say(.hintNotSure)) }
    if question.allowsDecline { parts.append(say(.hintPreferNotToSay)) }
    if question.isOptional { parts.append(say(.hintSkip)) }
    parts.append(say(.hintCommands))
    return parts.joined(separator: "; ")
  }

  /// What tab completion offers: the choices' labels, yes/no, and the
  /// "not sure" words where accepted. Never file names.
  public var completions: [String] {
    let seeds = definition.answerWords
    var words: [String] = []
    switch question.type {
    case .yesNo: words = ["yes", "no"].compactMap { seeds.offered[$0] }
    case .singleChoice, .multipleChoice:
      words = (question.choices ?? []).map { $0.label.text(for: voice) }
    default: break
    }
    if question.allowsUnknown, let word = seeds.offered["notSure"] { words.append(word) }
    if question.allowsDecline, let word = seeds.offered["preferNotToSay"] { words.append(word) }
    words += [InterfaceCommand.help, .back].compactMap(seeds.offered)
    return words
  }
}
