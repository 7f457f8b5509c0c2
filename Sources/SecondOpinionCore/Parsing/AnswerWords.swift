import Foundation

/// The words accepted for yes, no, "not sure", "prefer not to say", and
/// skipping an optional question, read from the `words:` section of
/// seeds/interview.yaml so a clinician (or a translator) can edit them. Each
/// word is kept folded (`fold`): lower case, single spaces, ’ as '.
public struct AnswerWords: Codable, Sendable, Equatable {
  /// Words meaning yes.
  public var yes: Set<String>
  /// Words meaning no.
  public var no: Set<String>
  /// Words meaning "not sure" (recorded as unknown where a question allows it).
  public var unknown: Set<String>
  /// Words meaning "prefer not to say" (recorded as declined where allowed).
  public var declined: Set<String>
  /// Words that skip an optional question that is not a choice (a blank line does too).
  public var skip: Set<String>
  /// Words a person puts before a choice ("my mum", "I'm her carer", "it is
  /// controlled"): when what was typed matches no choice, they are taken off
  /// its start and the rest is matched again.
  public var leadIns: [String]
  /// The words dates are written with (`words.dates`): months, ordinal
  /// endings, fillers and relative days.
  public var dates: DateWords
  /// The command words by command (`words.commands`), folded, in the seeds'
  /// order (see `InterfaceCommand`).
  public var commands: [String: [String]]
  /// The word Tab completion offers for yes, no, "not sure" and "prefer not
  /// to say", by the list's name in the seeds (`yes`, `no`, `notSure`,
  /// `preferNotToSay`): the first word of each list.
  public var offered: [String: String]

  private enum CodingKeys: String, CodingKey {
    case yes = "yes"
    case no = "no"
    case unknown = "notSure"
    case declined = "preferNotToSay"
    case skip
    case leadIns
    case dates
    case commands
  }

  /// Creates word lists (folded here). No words at all accept no yes, no,
  /// "not sure" or "prefer not to say": such a parser refuses rather than guesses.
  public init(
    yes: Set<String> = [], no: Set<String> = [], unknown: Set<String> = [], declined: Set<String> = [],
    skip: Set<String> = [], leadIns: [String] = [], dates: DateWords = DateWords(),
    commands: [String: [String]] = [:], offered: [String: String] = [:]
  ) {
    self.yes = Set(yes.map(Self.fold))
    self.no = Set(no.map(Self.fold))
    self.unknown = Set(unknown.map(Self.fold))
    self.declined = Set(declined.map(Self.fold))
    self.skip = Set(skip.map(Self.fold))
    // Longest first, so "the patient's" is taken off before "the".
    self.leadIns = leadIns.map(Self.fold).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    self.dates = dates
    self.commands = commands.mapValues { $0.map(Self.fold).filter { !$0.isEmpty } }
    self.offered = offered.mapValues(Self.fold)
  }

  /// Decodes the lists from the seeds, folding every word.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    func list(_ key: CodingKeys) throws -> [String] { try container.decode([String].self, forKey: key) }
    let offeredLists: [(String, [String])] = [
      ("yes", try list(.yes)), ("no", try list(.no)), ("notSure", try list(.unknown)),
      ("preferNotToSay", try list(.declined)),
    ]
    self.init(
      yes: Set(try list(.yes)), no: Set(try list(.no)), unknown: Set(try list(.unknown)),
      declined: Set(try list(.declined)), skip: Set(try list(.skip)),
      leadIns: try container.decodeIfPresent([String].self, forKey: .leadIns) ?? [],
      dates: try container.decodeIfPresent(DateWords.self, forKey: .dates) ?? DateWords(),
      commands: try container.decodeIfPresent([String: [String]].self, forKey: .commands) ?? [:],
      offered: Dictionary(
        uniqueKeysWithValues: offeredLists.compactMap { name, words in words.first.map { (name, $0) } }))
  }

  /// Encodes the lists, each sorted so the output is stable.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    // The offered word first, so it is offered again when decoded.
    func list(_ words: Set<String>, _ name: String) -> [String] {
      let first = offered[name].map { [$0] } ?? []
      return first + words.subtracting(first).sorted()
    }
    try container.encode(list(yes, "yes"), forKey: .yes)
    try container.encode(list(no, "no"), forKey: .no)
    try container.encode(list(unknown, "notSure"), forKey: .unknown)
    try container.encode(list(declined, "preferNotToSay"), forKey: .declined)
    try container.encode(skip.sorted(), forKey: .skip)
    try container.encode(leadIns, forKey: .leadIns)
    try container.encode(dates, forKey: .dates)
    try container.encode(commands, forKey: .commands)
  }

  /// The lists by their name in the seeds, for checks and messages.
  public var named: [(name: String, words: Set<String>)] {
    [("yes", yes), ("no", no), ("notSure", unknown), ("preferNotToSay", declined), ("skip", skip)]
  }

  /// Whether a folded word means yes or no: a bare yes or no typed at a
  /// choice question is not a choice (see `ChoiceMatcher`).
  public func isYesOrNo(_ folded: String) -> Bool { yes.contains(folded) || no.contains(folded) }

  /// Whether a folded word is one of a command's words (`words.commands`).
  public func means(_ folded: String, _ command: InterfaceCommand) -> Bool {
    commands[command.rawValue]?.contains(folded) ?? false
  }

  /// The command a folded line is, among `candidates` (in their order), if any.
  public func command(_ folded: String, among candidates: [InterfaceCommand]) -> InterfaceCommand? {
    candidates.first { means(folded, $0) }
  }

  /// The word Tab completion offers for a command: the first of its words.
  public func offered(_ command: InterfaceCommand) -> String? { commands[command.rawValue]?.first }

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
