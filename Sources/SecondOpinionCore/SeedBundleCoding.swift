/// A compact binary form of a decoded `SeedBundle`, for the seed cache.
///
/// Written and read field by field, without `Codable`: decoding the bundle
/// through `Decoder` instantiates generic containers for every type, and at
/// start-up each first instantiation costs a search of the program's protocol
/// conformances (about 1.5 ms for the whole bundle, against about 0.2 ms here).
/// Every field of every seed type is written, including `VoiceText.shared` and
/// the line numbers, so a bundle read back equals the one written (the tests
/// check this, and that no type has gained a field this form does not know).
///
/// Layout (little-endian): strings as a 4-byte UTF-8 length then the UTF-8;
/// integers and doubles in 8 bytes; booleans and "present" markers of optional
/// values in 1 byte; arrays and dictionaries as a 4-byte count then the items;
/// enums by their raw value; conditions as a 1-byte case then its values.
public enum SeedBundleCoding {
  /// The version of the layout; change it with the layout.
  public static let version = 2

  /// The bundle's bytes.
  public static func encode(_ bundle: SeedBundle) -> [UInt8] {
    var writer = Writer()
    writer.int(version)
    writer.interview(bundle.interview)
    writer.triage(bundle.triage)
    writer.layout(bundle.letter)
    return writer.bytes
  }

  /// The bundle in bytes written by `encode`, or nil when they are not such
  /// bytes (damaged, truncated or of another version).
  public static func decode(_ bytes: [UInt8]) -> SeedBundle? { decode(bytes[...]) }

  /// The bundle in a slice of bytes written by `encode`, or nil.
  public static func decode(_ bytes: ArraySlice<UInt8>) -> SeedBundle? {
    bytes.withUnsafeBytes { raw -> SeedBundle? in
      var reader = Reader(raw)
      guard reader.int() == version, let interview = reader.interview(), let triage = reader.triage(),
        let letter = reader.layout(), reader.offset == raw.count, !reader.failed
      else { return nil }
      return SeedBundle(interview: interview, triage: triage, letter: letter)
    }
  }

  // MARK: - Writing

  private struct Writer {
    var bytes: [UInt8] = []

    mutating func word(_ value: UInt64, _ count: Int) {
      for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(index)))) }
    }

    mutating func int(_ value: Int) { word(UInt64(bitPattern: Int64(value)), 8) }
    mutating func double(_ value: Double) { word(value.bitPattern, 8) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func count(_ value: Int) { word(UInt64(value), 4) }

    mutating func string(_ value: String) {
      count(value.utf8.count)
      bytes.append(contentsOf: value.utf8)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
      bool(value != nil)
      if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
      count(values.count)
      for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    mutating func voiceText(_ value: VoiceText) {
      optional(value.patient) { $0.string($1) }
      optional(value.receptionist) { $0.string($1) }
      bool(value.shared)
    }

    mutating func condition(_ value: Condition) {
      switch value {
      case .answerIs(let id, let values): tagged(0, id, values)
      case .answerIsNot(let id, let values): tagged(1, id, values)
      case .answerIncludesAny(let id, let values): tagged(2, id, values)
      case .answerState(let id, let state):
        bytes.append(3)
        string(id)
        string(state.rawValue)
      case .factBelow(let name, let limit):
        bytes.append(4)
        string(name)
        double(limit)
      case .factBelowAssumption(let name, let assumption):
        bytes.append(5)
        string(name)
        string(assumption)
      case .factKnown(let name):
        bytes.append(6)
        string(name)
      case .mode(let voice):
        bytes.append(7)
        string(voice.rawValue)
      case .textMentions(let phrases):
        bytes.append(8)
        strings(phrases.phrases)
      case .all(let parts):
        bytes.append(9)
        array(parts) { $0.condition($1) }
      case .any(let parts):
        bytes.append(10)
        array(parts) { $0.condition($1) }
      case .not(let inner):
        bytes.append(11)
        condition(inner)
      case .always(let flag):
        bytes.append(12)
        bool(flag)
      }
    }

    private mutating func tagged(_ tag: UInt8, _ id: String, _ values: [String]) {
      bytes.append(tag)
      string(id)
      strings(values)
    }

    mutating func question(_ q: Question) {
      string(q.id)
      string(q.type.rawValue)
      string(q.heading)
      string(q.label)
      optional(q.field) { $0.string($1) }
      voiceText(q.text)
      voiceText(q.help)
      optional(q.choices) { writer, choices in
        writer.array(choices) { writer, choice in
          writer.string(choice.id)
          writer.voiceText(choice.label)
          writer.optional(choice.synonyms) { $0.strings($1) }
          writer.optional(choice.exclusive) { $0.bool($1) }
        }
      }
      optional(q.when) { $0.condition($1) }
      optional(q.notSure) { $0.bool($1) }
      optional(q.preferNotToSay) { $0.bool($1) }
      optional(q.optional) { $0.bool($1) }
      optional(q.format) { $0.string($1.rawValue) }
      optional(q.maxLength) { $0.int($1) }
      optional(q.minimum) { $0.int($1) }
      optional(q.maximum) { $0.int($1) }
      optional(q.dateRange) { $0.string($1.rawValue) }
      optional(q.maxAgeYears) { $0.int($1) }
      optional(q.example) { $0.string($1) }
      optional(q.line) { $0.int($1) }
    }

    mutating func interview(_ d: InterviewDefinition) {
      string(d.version)
      voiceText(d.title)
      voiceText(d.introduction)
      array(d.questions) { $0.question($1) }
      array(d.stops) { writer, stop in
        writer.string(stop.id)
        writer.condition(stop.when)
        writer.strings(stop.messages)
        writer.optional(stop.source) { $0.string($1) }
      }
      array(d.messages) { writer, message in
        writer.string(message.id)
        writer.string(message.title)
        writer.string(message.patient)
        writer.optional(message.kiosk) { $0.string($1) }
        writer.string(message.receptionist)
      }
      strings(d.closingMessages)
      optional(d.facts) { writer, facts in
        writer.array(facts) { writer, fact in
          writer.string(fact.id)
          writer.optional(fact.daysUntil) { $0.string($1) }
          writer.optional(fact.yearsSince) { $0.string($1) }
          writer.optional(fact.lessDecisionMargin) { $0.bool($1) }
        }
      }
      optional(d.wording) { writer, wording in
        writer.array(Array(wording)) { writer, entry in
          writer.string(entry.key)
          writer.voiceText(entry.value)
        }
      }
    }

    mutating func tree(_ t: DecisionTree) {
      string(t.root)
      array(t.nodes) { writer, node in
        writer.string(node.id)
        writer.string(node.ask)
        writer.condition(node.test)
        writer.string(node.because)
        writer.optional(node.otherwise) { $0.string($1) }
        writer.string(node.yes)
        writer.string(node.no)
        writer.string(node.source)
        writer.optional(node.line) { $0.int($1) }
      }
      array(t.leaves) { writer, leaf in
        writer.string(leaf.id)
        writer.optional(leaf.urgency) { $0.string($1.rawValue) }
        writer.optional(leaf.delayRisk) { $0.string($1.rawValue) }
        writer.string(leaf.reason)
        writer.optional(leaf.eReferral) { $0.string($1) }
        writer.optional(leaf.nice) { $0.string($1) }
        writer.optional(leaf.line) { $0.int($1) }
      }
    }

    mutating func triage(_ t: TriageDefinition) {
      string(t.version)
      array(t.assumptions) { writer, assumption in
        writer.string(assumption.id)
        writer.string(assumption.description)
        writer.string(assumption.source)
        writer.double(assumption.default)
        writer.optional(assumption.question) { $0.string($1) }
        writer.optional(assumption.values) { writer, values in
          writer.array(Array(values)) { writer, entry in
            writer.string(entry.key)
            writer.double(entry.value)
          }
        }
      }
      int(t.decisionMarginDays)
      array(t.mappings) { writer, mapping in
        writer.string(mapping.level.rawValue)
        writer.string(mapping.meaning)
        writer.string(mapping.timeframe)
        writer.string(mapping.nice)
        writer.string(mapping.eReferral)
        writer.string(mapping.fhir)
      }
      tree(t.urgency)
      tree(t.delayRisk)
    }

    mutating func layout(_ l: LetterLayout) {
      string(l.title)
      array(l.headings) { writer, heading in
        writer.string(heading.id)
        writer.string(heading.title)
        writer.bool(heading.mandatory)
        writer.optional(heading.empty) { $0.string($1) }
        writer.optional(heading.source) { $0.string($1) }
      }
      string(l.disclaimer)
      strings(l.distribution)
    }
  }

  // MARK: - Reading

  /// Reads what `Writer` wrote. A read past the end, an unknown case or raw
  /// value sets `failed` and returns nil; callers check `failed` at the end.
  private struct Reader {
    let raw: UnsafeRawBufferPointer
    var offset = 0
    var failed = false
    /// How deep conditions nest (bounded, so damaged bytes cannot exhaust the stack).
    private var depth = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    mutating func word(_ count: Int) -> UInt64? {
      guard !failed, offset <= raw.count - count else {
        failed = true
        return nil
      }
      var value: UInt64 = 0
      for index in (0..<count).reversed() { value = value << 8 | UInt64(raw[offset + index]) }
      offset += count
      return value
    }

    mutating func int() -> Int? { word(8).map { Int(Int64(bitPattern: $0)) } }
    mutating func double() -> Double? { word(8).map { Double(bitPattern: $0) } }

    mutating func bool() -> Bool? {
      switch word(1) {
      case 0: return false
      case 1: return true
      default:
        failed = true
        return nil
      }
    }

    /// A count or length: never more than the bytes left.
    mutating func count() -> Int? {
      guard let value = word(4).map(Int.init), value <= raw.count - offset else {
        failed = true
        return nil
      }
      return value
    }

    mutating func string() -> String? {
      guard let length = count() else { return nil }
      let text = String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + length)]), as: UTF8.self)
      offset += length
      return text
    }

    mutating func enumeration<T: RawRepresentable>(_ type: T.Type) -> T? where T.RawValue == String {
      guard let text = string(), let value = T(rawValue: text) else {
        failed = true
        return nil
      }
      return value
    }

    /// An optional value: nil when absent (and on failure, which `failed` records).
    mutating func optional<T>(_ read: (inout Reader) -> T?) -> T? {
      guard let present = bool(), present else { return nil }
      guard let value = read(&self) else {
        failed = true
        return nil
      }
      return value
    }

    mutating func array<T>(_ read: (inout Reader) -> T?) -> [T]? {
      guard let count = count() else { return nil }
      var values: [T] = []
      values.reserveCapacity(count)
      for _ in 0..<count {
        guard let value = read(&self) else {
          failed = true
          return nil
        }
        values.append(value)
      }
      return values
    }

    mutating func strings() -> [String]? { array { $0.string() } }

    mutating func voiceText() -> VoiceText? {
      let patient = optional { $0.string() }
      let receptionist = optional { $0.string() }
      guard let shared = bool(), !failed else { return nil }
      var text = VoiceText(patient: patient, receptionist: receptionist)
      text.shared = shared
      return text
    }

    mutating func condition() -> Condition? {
      guard depth < 1000, let tag = word(1) else {
        failed = true
        return nil
      }
      depth += 1
      defer { depth -= 1 }
      let value: Condition?
      switch tag {
      case 0: value = idAndValues().map { .answerIs($0.0, $0.1) }
      case 1: value = idAndValues().map { .answerIsNot($0.0, $0.1) }
      case 2: value = idAndValues().map { .answerIncludesAny($0.0, $0.1) }
      case 3:
        let id = string()
        let state = enumeration(AnswerState.self)
        value = id.flatMap { id in state.map { .answerState(id, $0) } }
      case 4:
        let name = string()
        let limit = double()
        value = name.flatMap { name in limit.map { .factBelow(name, $0) } }
      case 5:
        let name = string()
        let assumption = string()
        value = name.flatMap { name in assumption.map { .factBelowAssumption(name, $0) } }
      case 6: value = string().map { .factKnown($0) }
      case 7: value = enumeration(Voice.self).map { .mode($0) }
      case 8: value = strings().map { .textMentions(PhraseSet($0)) }
      case 9: value = array { $0.condition() }.map { .all($0) }
      case 10: value = array { $0.condition() }.map { .any($0) }
      case 11: value = condition().map { .not($0) }
      case 12: value = bool().map { .always($0) }
      default: value = nil
      }
      if value == nil { failed = true }
      return value
    }

    private mutating func idAndValues() -> (String, [String])? {
      guard let id = string(), let values = strings() else { return nil }
      return (id, values)
    }

    mutating func choice() -> Choice? {
      guard let id = string(), let label = voiceText() else { return nil }
      let synonyms = optional { $0.strings() }
      let exclusive = optional { $0.bool() }
      return failed ? nil : Choice(id: id, label: label, synonyms: synonyms, exclusive: exclusive)
    }

    mutating func question() -> Question? {
      guard let id = string(), let type = enumeration(QuestionKind.self), let heading = string(),
        let label = string()
      else { return nil }
      let field = optional { $0.string() }
      guard let text = voiceText(), let help = voiceText() else { return nil }
      let choices = optional { $0.array { $0.choice() } }
      let when = optional { $0.condition() }
      let notSure = optional { $0.bool() }
      let preferNotToSay = optional { $0.bool() }
      let isOptional = optional { $0.bool() }
      let format = optional { $0.enumeration(TextFormat.self) }
      let maxLength = optional { $0.int() }
      let minimum = optional { $0.int() }
      let maximum = optional { $0.int() }
      let dateRange = optional { $0.enumeration(DateRange.self) }
      let maxAgeYears = optional { $0.int() }
      let example = optional { $0.string() }
      let line = optional { $0.int() }
      guard !failed else { return nil }
      return Question(
        id: id, type: type, heading: heading, label: label, field: field, text: text, help: help, choices: choices,
        when: when, notSure: notSure, preferNotToSay: preferNotToSay, optional: isOptional, format: format,
        maxLength: maxLength, minimum: minimum, maximum: maximum, dateRange: dateRange, maxAgeYears: maxAgeYears,
        example: example, line: line)
    }

    mutating func stop() -> StopRule? {
      guard let id = string(), let when = condition(), let messages = strings() else { return nil }
      let source = optional { $0.string() }
      return failed ? nil : StopRule(id: id, when: when, messages: messages, source: source)
    }

    mutating func message() -> SafetyMessage? {
      guard let id = string(), let title = string(), let patient = string() else { return nil }
      let kiosk = optional { $0.string() }
      guard let receptionist = string(), !failed else { return nil }
      return SafetyMessage(id: id, title: title, patient: patient, kiosk: kiosk, receptionist: receptionist)
    }

    mutating func fact() -> FactDefinition? {
      guard let id = string() else { return nil }
      let daysUntil = optional { $0.string() }
      let yearsSince = optional { $0.string() }
      let lessDecisionMargin = optional { $0.bool() }
      return failed
        ? nil
        : FactDefinition(id: id, daysUntil: daysUntil, yearsSince: yearsSince, lessDecisionMargin: lessDecisionMargin)
    }

    mutating func interview() -> InterviewDefinition? {
      guard let version = string(), let title = voiceText(), let introduction = voiceText(),
        let questions = array({ $0.question() }), let stops = array({ $0.stop() }),
        let messages = array({ $0.message() }), let closingMessages = strings()
      else { return nil }
      let facts = optional { $0.array { $0.fact() } }
      let wording = optional { reader -> [String: VoiceText]? in
        guard
          let entries = reader.array({ reader -> (String, VoiceText)? in
            guard let key = reader.string(), let value = reader.voiceText() else { return nil }
            return (key, value)
          })
        else { return nil }
        var wording: [String: VoiceText] = [:]
        wording.reserveCapacity(entries.count)
        for (key, value) in entries { wording[key] = value }
        return wording
      }
      guard !failed else { return nil }
      return InterviewDefinition(
        version: version, title: title, introduction: introduction, questions: questions, stops: stops,
        messages: messages, closingMessages: closingMessages, facts: facts, wording: wording)
    }

    mutating func node() -> TreeNode? {
      guard let id = string(), let ask = string(), let test = condition(), let because = string() else { return nil }
      let otherwise = optional { $0.string() }
      guard let yes = string(), let no = string(), let source = string() else { return nil }
      let line = optional { $0.int() }
      guard !failed else { return nil }
      return TreeNode(
        id: id, ask: ask, test: test, because: because, otherwise: otherwise, yes: yes, no: no, source: source,
        line: line)
    }

    mutating func leaf() -> TreeLeaf? {
      guard let id = string() else { return nil }
      let urgency = optional { $0.enumeration(Urgency.self) }
      let delayRisk = optional { $0.enumeration(DelayRisk.self) }
      guard let reason = string() else { return nil }
      let eReferral = optional { $0.string() }
      let nice = optional { $0.string() }
      let line = optional { $0.int() }
      guard !failed else { return nil }
      return TreeLeaf(
        id: id, urgency: urgency, delayRisk: delayRisk, reason: reason, eReferral: eReferral, nice: nice, line: line)
    }

    mutating func tree() -> DecisionTree? {
      guard let root = string(), let nodes = array({ $0.node() }), let leaves = array({ $0.leaf() }) else {
        return nil
      }
      return DecisionTree(root: root, nodes: nodes, leaves: leaves)
    }

    mutating func assumption() -> Assumption? {
      guard let id = string(), let description = string(), let source = string(), let value = double() else {
        return nil
      }
      let question = optional { $0.string() }
      let values = optional { reader -> [String: Double]? in
        guard
          let entries = reader.array({ reader -> (String, Double)? in
            guard let key = reader.string(), let value = reader.double() else { return nil }
            return (key, value)
          })
        else { return nil }
        var values: [String: Double] = [:]
        for (key, value) in entries { values[key] = value }
        return values
      }
      guard !failed else { return nil }
      return Assumption(
        id: id, description: description, source: source, default: value, question: question, values: values)
    }

    mutating func mapping() -> UrgencyMapping? {
      guard let level = enumeration(Urgency.self), let meaning = string(), let timeframe = string(),
        let nice = string(), let eReferral = string(), let fhir = string()
      else { return nil }
      return UrgencyMapping(
        level: level, meaning: meaning, timeframe: timeframe, nice: nice, eReferral: eReferral, fhir: fhir)
    }

    mutating func triage() -> TriageDefinition? {
      guard let version = string(), let assumptions = array({ $0.assumption() }),
        let decisionMarginDays = int(), let mappings = array({ $0.mapping() }), let urgency = tree(),
        let delayRisk = tree()
      else { return nil }
      return TriageDefinition(
        version: version, assumptions: assumptions, decisionMarginDays: decisionMarginDays, mappings: mappings,
        urgency: urgency, delayRisk: delayRisk)
    }

    mutating func layout() -> LetterLayout? {
      guard let title = string(), let headings = array({ $0.heading() }), let disclaimer = string(),
        let distribution = strings()
      else { return nil }
      return LetterLayout(title: title, headings: headings, disclaimer: disclaimer, distribution: distribution)
    }

    mutating func heading() -> LetterLayout.Heading? {
      guard let id = string(), let title = string(), let mandatory = bool() else { return nil }
      let empty = optional { $0.string() }
      let source = optional { $0.string() }
      return failed
        ? nil : LetterLayout.Heading(id: id, title: title, mandatory: mandatory, empty: empty, source: source)
    }
  }
}
