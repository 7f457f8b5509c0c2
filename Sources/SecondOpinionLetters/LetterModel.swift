import SecondOpinionCore

/// The letter's content, worked out once from a record and laid out as
/// seeds/letter.yaml says: a summary first, then the PRSB headings; each
/// format only prints it.
///
/// What a reader gets: the summary (patient, what is asked and why, the
/// urgency and the date to decide by, the first opinion, the patient's
/// questions) before any heading; the urgency printed once; the safety alerts
/// with the allergies; no skipped or "none of these" answers (a mandatory
/// heading left with nothing says so once); reasons as the trees' own
/// sentences; times in UK local time with the zone; no internal ids.
public struct LetterModel: Sendable {
  /// One labelled line of the letter.
  public struct Entry: Sendable, Equatable {
    /// The label ("Date of birth").
    public var label: String
    /// The value, from the record (inert text).
    public var value: String
  }

  /// One heading with its lines, and paragraphs or a numbered list.
  public struct Section: Sendable, Equatable {
    /// The heading.
    public var title: String
    /// Labelled lines.
    public var entries: [Entry]
    /// Numbered items (the patient's questions, the advice shown).
    public var items: [String]
    /// The label of the numbered items, printed before them when set.
    public var itemsLabel: String?
    /// Shown when there is nothing else.
    public var empty: String?
  }

  /// The letter's title (the emergency title for an emergency record).
  public var title: String
  /// The line under the title (record id, local date and time, versions).
  public var subtitle: String
  /// The emergency banner, if the record is an emergency: why, and what
  /// staff should do.
  public var banner: String?
  /// The banner's title ("EMERGENCY"), set with the banner.
  public var bannerTitle: String?
  /// The sections in order, the summary first.
  public var sections: [Section]
  /// The closing disclaimer.
  public var disclaimer: String

  /// Lays out a record.
  public init(record: Record, layout: LetterLayout) {
    let clock = LetterClock(layout.clock)
    title = record.emergency == nil ? layout.title : layout.emergencyTitle
    subtitle = Self.fill(
      layout.words.subtitle,
      [
        "id": record.id, "time": clock.text(record.createdAt), "interview": record.interviewVersion,
        "triage": record.triage.version,
      ])
    let why = record.triage.reasons(tree: "urgency").joined(separator: " ")
    banner = record.emergency.map { "\(why) \($0.staffAction)" }
    bannerTitle = record.emergency.map { _ in layout.words.emergency }
    disclaimer = layout.disclaimer
    sections = layout.headings.compactMap { heading in
      guard heading.shownIn == nil else { return nil }
      let section = Self.section(heading, record: record, layout: layout)
      if !heading.mandatory, section.entries.isEmpty, section.items.isEmpty { return nil }
      return section
    }
  }

  /// Whether the letter shows an answer: one that says something, not
  /// skipped and not only choices that mean there is nothing to report
  /// (`nothingToReport`, "None of these").
  public static func shows(_ answer: RecordAnswer, layout: LetterLayout) -> Bool {
    guard answer.state != .skipped, answer.state != .notAsked else { return false }
    let nothing = Set(layout.nothingToReport ?? [])
    switch (answer.type, answer.value) {
    case (.singleChoice, .string(let id)): return !nothing.contains(id)
    case (.multipleChoice, .list(let ids)): return !ids.allSatisfy(nothing.contains)
    default: return true
    }
  }

  private static func section(_ heading: LetterLayout.Heading, record: Record, layout: LetterLayout) -> Section {
    var section = Section(title: heading.title, entries: [], items: [], empty: heading.empty)
    let included = Set(heading.include ?? [])
    let answers = record.answers.filter {
      ($0.heading == heading.id || included.contains($0.questionId)) && shows($0, layout: layout)
    }
    section.entries = answers.map { Entry(label: $0.label, value: $0.display) }
    let clock = LetterClock(layout.clock)
    let words = layout.words
    switch heading.source ?? "answers" {
    case "summary":
      section.entries = []
      for line in layout.summary {
        if let items = line.items {
          section.itemsLabel = line.label
          section.items = record.answers.filter { $0.heading == items && shows($0, layout: layout) }.map(\.display)
        } else if let value = summaryValue(line, record: record, layout: layout) {
          section.entries.append(Entry(label: line.label, value: value))
        }
      }
    case "referral":
      // The title says what the referral is for; here, the patient's reasons.
      break
    case "triage":
      // The urgency and the deadline are in the summary; here, why.
      let triage = record.triage
      section.entries.insert(Entry(label: words.delayRisk, value: Self.capitalised(triage.delayRisk.rawValue)), at: 0)
      section.entries.append(
        Entry(label: layout.words.urgencyReasons, value: triage.reasons(tree: "urgency").joined(separator: " ")))
      section.entries.append(
        Entry(label: layout.words.delayRiskReasons, value: triage.reasons(tree: "delayRisk").joined(separator: " ")))
      // The expected wait, its kind of care and its source are stated once,
      // in the assumptions.
      if let mapping = triage.mapping {
        section.entries.append(Entry(label: words.otherScales, value: scalesText(mapping)))
      }
      if !triage.alsoNoted.isEmpty {
        section.entries.append(Entry(label: words.alsoNoted, value: triage.alsoNoted.joined(separator: " ")))
      }
      section.entries.append(Entry(label: words.assumptions, value: triage.assumptions.joined(separator: " ")))
    case "alerts":
      if record.emergency != nil {
        // What staff should do is in the banner at the top; here, why.
        let why = record.triage.reasons(tree: "urgency").joined(separator: " ")
        section.entries.insert(Entry(label: layout.words.emergencyAlert, value: why), at: 0)
      }
    case "referrer":
      let name = record.completedBy.name ?? words.nameNotGiven
      if record.mode == .receptionist {
        let relation = record.answer("caller_relationship")?.display ?? words.notRecorded
        let caller = record.answer("caller_name").flatMap { shows($0, layout: layout) ? $0.display : nil }
        section.entries.insert(
          Entry(label: words.requestedBy, value: caller.map { "\(relation): \($0)" } ?? relation), at: 0)
        section.entries.insert(
          Entry(label: words.takenBy, value: fill(words.takenByReceptionist, ["name": name])), at: 1)
      } else {
        section.entries.insert(Entry(label: words.requestedBy, value: words.selfReferral), at: 0)
        section.entries.insert(
          Entry(label: words.takenBy, value: record.channel == .kiosk ? words.takenAtKiosk : words.takenSelfCompleted),
          at: 1)
      }
    case "advice":
      let full = Set(layout.adviceInFull)
      section.items = record.safetyAdvice.map {
        let title = $0.englishTitle ?? $0.title
        return full.contains($0.id)
          ? "\(title): \($0.englishText ?? $0.text)" : "\(title) (\(layout.words.adviceByTitle))"
      }
    case "completedBy":
      let person = record.completedBy
      let who =
        person.role == "receptionist"
        ? fill(words.completedByReceptionist, ["name": person.name ?? words.nameNotGiven])
        : record.channel == .kiosk ? words.completedAtKiosk : words.completedSelf
      section.entries.insert(Entry(label: words.completedBy, value: who), at: 0)
      section.entries.insert(Entry(label: words.date, value: clock.text(record.createdAt)), at: 1)
    case "distribution":
      section.items = layout.distribution
    case "requirements":
      section.entries.insert(contentsOf: languageEntries(record, layout: layout), at: 0)
    default: break
    }
    return section
  }

  /// A template with each `{key}` replaced by its value, in one pass (a
  /// value that itself holds `{key}` is printed as it is).
  /// A level's name with its first letter in capitals ("urgent" → "Urgent").
  static func capitalised(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

  static func fill(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      out += rest[..<open]
      guard let close = rest[open...].firstIndex(of: "}"),
        let value = values[String(rest[rest.index(after: open)..<close])]
      else {
        out.append("{")
        rest = rest[rest.index(after: open)...]
        continue
      }
      out += value
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }

  /// The patient's language and interpreter need, for the individual
  /// requirements: the language for a record not in English, the interpreter
  /// whenever one is needed; nothing for an English record without one.
  static func languageEntries(_ record: Record, layout: LetterLayout) -> [Entry] {
    let words = layout.words
    let language = layout.languages?[record.language]
    let values = [
      "language": language?.name ?? record.language, "interview": language?.english ?? record.language,
    ]
    var entries: [Entry] = []
    if record.language != Record.defaultLanguage {
      entries.append(Entry(label: words.preferredLanguage, value: fill(words.preferredLanguageText, values)))
    }
    if record.interpreterNeeded == true {
      let details = record.answer(field: Record.requirementDetailsField).map {
        $0.state == .answered && shows($0, layout: layout)
      }
      let text = details == true ? words.interpreterNeededDetails : words.interpreterNeeded
      entries.append(Entry(label: words.interpreter, value: fill(text, values)))
    }
    return entries
  }

  /// One line of the summary, or nil when the record has nothing for it.
  private static func summaryValue(_ line: LetterLayout.SummaryLine, record: Record, layout: LetterLayout) -> String? {
    let triage = record.triage
    switch line.source ?? "answers" {
    case "patient":
      var parts: [String] = []
      if let name = record.answer(field: "patient.name"), shows(name, layout: layout) { parts.append(name.display) }
      if let birth = record.answer(field: "patient.birthDate"), birth.state == .answered,
        case .string(let date) = birth.value,
        let today = LetterClock(layout.clock).localDate(record.createdAt),
        let years = CalendarDate.wholeYears(from: date, to: today)
      {
        parts.append(fill(layout.words.age, ["years": String(years)]))
      }
      if let sex = record.answer("sex"), sex.state == .answered { parts.append(sex.display) }
      if let number = record.answer(field: "patient.nhsNumber"), number.state == .answered {
        parts.append(fill(layout.words.nhsNumber, ["number": number.display]))
      }
      return parts.isEmpty ? nil : parts.joined(separator: ", ")
    case "urgency":
      return urgencyText(triage)
    case "deadline":
      // The wait's kind of care and source are stated once, in the assumptions.
      return triage.decisionDeadline.map { $0.text(wait: nil) }
    case "reasons":
      return triage.reasons(tree: "urgency").joined(separator: " ")
    default:
      // Only what is known: a "not sure" or declined answer is left to its heading.
      let values = (line.answers ?? []).compactMap { id in
        record.answer(id).flatMap { $0.state == .answered && shows($0, layout: layout) ? $0.display : nil }
      }
      return values.isEmpty ? nil : values.joined(separator: "; ")
    }
  }

  /// How the level maps onto the NHS e-Referral Service and FHIR priorities,
  /// and why they differ, said once.
  public static func scalesText(_ mapping: UrgencyMapping) -> String {
    let why = mapping.why.map { " \($0)" } ?? ""
    return
      "Sent as NHS e-Referral priority \"\(mapping.eReferral)\" and FHIR request priority \"\(mapping.fhir)\"; NICE NG12: \(mapping.nice).\(why)"
  }

  /// The urgency in words with its time frame.
  public static func urgencyText(_ triage: TriageResult) -> String {
    let level = Self.capitalised(triage.urgency.rawValue)
    guard let mapping = triage.mapping else { return level }
    return "\(level): \(mapping.timeframe)"
  }
}
