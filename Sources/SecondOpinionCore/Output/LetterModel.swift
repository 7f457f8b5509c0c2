/// The letter's content, worked out once from a record and laid out under the
/// headings of seeds/letter.yaml; each format only prints it.
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
    /// Numbered items (reasons, questions).
    public var items: [String]
    /// Shown when there is nothing else.
    public var empty: String?
  }

  /// The letter's title.
  public var title: String
  /// The line under the title (record id, date).
  public var subtitle: String
  /// The emergency banner, if the record is an emergency.
  public var banner: String?
  /// The sections in order.
  public var sections: [Section]
  /// The closing disclaimer.
  public var disclaimer: String

  /// Lays out a record.
  public init(record: Record, layout: LetterLayout) {
    title = layout.title
    subtitle =
      "Record \(record.id). Made \(Self.when(record.createdAt)). Interview version \(record.interviewVersion), triage version \(record.triage.version)."
    banner = record.emergency.map {
      "EMERGENCY: the interview was stopped because a red flag was reported (\($0.rule)). \($0.staffAction)"
    }
    disclaimer = layout.disclaimer
    sections = layout.headings.compactMap { heading in
      let section = Self.section(heading, record: record, layout: layout)
      if !heading.mandatory, section.entries.isEmpty, section.items.isEmpty { return nil }
      return section
    }
  }

  private static func when(_ iso: String) -> String {
    let date = String(iso.prefix(10))
    let time = iso.count >= 16 ? String(iso.dropFirst(11).prefix(5)) : ""
    return CalendarDate.long(date) + (time.isEmpty ? "" : " at \(time) UTC")
  }

  private static func section(_ heading: LetterLayout.Heading, record: Record, layout: LetterLayout) -> Section {
    var section = Section(title: heading.title, entries: [], items: [], empty: heading.empty ?? "Not known")
    let answers = record.answers.filter { $0.heading == heading.id }
    section.entries = answers.map { Entry(label: $0.label, value: $0.display) }
    switch heading.source ?? "answers" {
    case "referral":
      // The urgency is stated once, under the triage heading.
      section.entries.insert(Entry(label: "Referral for", value: "A second opinion"), at: 0)
    case "triage":
      let triage = record.triage
      section.entries.insert(
        contentsOf: [
          Entry(label: "Urgency", value: urgencyText(triage)),
          Entry(label: "Delay risk", value: triage.delayRisk.rawValue.capitalized),
        ], at: 0)
      // The expected wait is stated once: with the deadline when there is
      // one, else on its own line.
      if let deadline = triage.decisionDeadline {
        section.entries.append(
          Entry(label: "Decision deadline", value: deadlineText(deadline, wait: triage.expectedWait)))
      } else if let wait = triage.expectedWait, triage.urgency != .emergency {
        section.entries.append(Entry(label: "Expected wait", value: waitText(wait)))
      }
      if let mapping = triage.mapping {
        section.entries.append(Entry(label: "Other priority scales", value: scalesText(mapping)))
      }
      section.items = triage.reasons
      if !triage.alsoNoted.isEmpty {
        section.entries.append(Entry(label: "Also noted", value: triage.alsoNoted.joined(separator: " ")))
      }
      section.entries.append(Entry(label: "Assumptions", value: triage.assumptions.joined(separator: " ")))
    case "alerts":
      if let emergency = record.emergency {
        section.entries.insert(
          Entry(label: "Emergency", value: "Red flag reported (\(emergency.rule)). \(emergency.staffAction)"), at: 0)
      }
    case "referrer":
      if record.mode == .receptionist {
        let relation = record.answer("caller_relationship")?.display ?? "Not recorded"
        let name = record.answer("caller_name")?.display
        section.entries.insert(
          Entry(label: "Referral requested by", value: name.map { "\(relation): \($0)" } ?? relation), at: 0)
        section.entries.insert(
          Entry(
            label: "Taken by", value: "Receptionist \(record.completedBy.name ?? "(name not given)"), by telephone"),
          at: 1)
      } else {
        section.entries.insert(
          Entry(label: "Referral requested by", value: "The patient (self-referral for a second opinion)"), at: 0)
        section.entries.insert(
          Entry(
            label: "Taken by",
            value: record.channel == .kiosk ? "Self-service kiosk in the practice" : "Self-completed intake"), at: 1)
      }
    case "advice":
      section.items = record.safetyAdvice.map { "\($0.title): \($0.text)" }
    case "completedBy":
      let person = record.completedBy
      let who =
        person.role == "receptionist"
        ? "Receptionist \(person.name ?? "(name not given)"), with the caller, by telephone"
        : "The patient, self-completed at a \(record.channel == .kiosk ? "kiosk in the practice" : "terminal")"
      section.entries.insert(Entry(label: "Completed by", value: who), at: 0)
      section.entries.insert(Entry(label: "Date", value: when(record.createdAt)), at: 1)
    case "distribution":
      section.items = layout.distribution
    default: break
    }
    return section
  }

  /// The expected wait used, its kind of care and its source.
  public static func waitText(_ wait: ExpectedWait) -> String {
    "\(wait.days) days, for \(wait.care) (source: \(wait.source))."
  }

  /// The deadline line: the one decide-by date (or what to do when it is due
  /// now), then whether the expected wait, for its kind of care, fits.
  public static func deadlineText(_ deadline: DecisionDeadline, wait: ExpectedWait?) -> String {
    let fits = deadline.waitExceedsDeadline ? "does not fit" : "fits"
    var text = "\(deadline.sentence) The expected wait of \(deadline.expectedWaitDays) days \(fits) before this date."
    if let wait { text += " It is the wait for \(wait.care) (source: \(wait.source))." }
    return text
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
    let level = triage.urgency.rawValue.capitalized
    guard let mapping = triage.mapping else { return level }
    return "\(level): \(mapping.timeframe)"
  }
}
