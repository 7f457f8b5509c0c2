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
    let made = Self.when(record.createdAt)
    subtitle =
      "Record \(record.id). Made \(made). Interview version \(record.interviewVersion), triage version \(record.triage.version)."
    banner = record.emergency.map {
      "EMERGENCY: the interview was stopped because a red flag was reported (\($0.rule)). \($0.staffAction)"
    }
    disclaimer = layout.disclaimer
    let urgency = Self.urgencyText(record.triage)
    // Each answer under its heading (under each, were a heading's id used
    // twice), in the record's order. A few headings: compared, not hashed.
    var byHeading = Array(repeating: [Entry](), count: layout.headings.count)
    let headings = layout.headings
    let unique = headings.indices.allSatisfy { index in
      !headings[..<index].contains { $0.id == headings[index].id }
    }
    if unique {
      // Answers come in the questions' order, so one heading's run together:
      // the last heading found is tried first. Each answer's heading is found
      // first, so that each heading's entries are made with room for all.
      var found = Array(repeating: -1, count: record.answers.count)
      var counts = Array(repeating: 0, count: headings.count)
      var last = -1
      for index in record.answers.indices {
        if last < 0 || headings[last].id != record.answers[index].heading {
          last = headings.firstIndex { $0.id == record.answers[index].heading } ?? -1
        }
        found[index] = last
        if last >= 0 { counts[last] += 1 }
      }
      // Room, too, for the lines a section adds itself (the triage's, say).
      for heading in headings.indices where counts[heading] > 0 {
        byHeading[heading].reserveCapacity(counts[heading] + 8)
      }
      for index in record.answers.indices where found[index] >= 0 {
        byHeading[found[index]].append(Entry(label: record.answers[index].label, value: record.answers[index].display))
      }
    } else {
      for index in record.answers.indices {
        for heading in headings.indices where headings[heading].id == record.answers[index].heading {
          byHeading[heading].append(
            Entry(label: record.answers[index].label, value: record.answers[index].display))
        }
      }
    }
    var sections: [Section] = []
    sections.reserveCapacity(layout.headings.count)
    for index in layout.headings.indices {
      let section = Self.section(
        layout.headings[index], entries: byHeading[index], record: record, layout: layout, made: made,
        urgency: urgency)
      if !layout.headings[index].mandatory, section.entries.isEmpty, section.items.isEmpty { continue }
      sections.append(section)
    }
    self.sections = sections
  }

  private static func when(_ iso: String) -> String {
    let quick = PrintableASCII.withBytes(iso) { bytes -> (date: String, time: String) in
      (
        PrintableASCII.string(bytes.prefix(10)),
        bytes.count >= 16 ? PrintableASCII.string(bytes[11..<16]) : ""
      )
    }
    if let (date, time) = quick { return CalendarDate.long(date) + (time.isEmpty ? "" : " at \(time) UTC") }
    let date = String(iso.prefix(10))
    let time = iso.count >= 16 ? String(iso.dropFirst(11).prefix(5)) : ""
    return CalendarDate.long(date) + (time.isEmpty ? "" : " at \(time) UTC")
  }

  /// One heading's section, starting from the entries of the answers under
  /// it; `made` is the record's time and `urgency` its urgency in words,
  /// worked out once for the letter.
  static func section(
    _ heading: LetterLayout.Heading, entries: [Entry], record: Record, layout: LetterLayout, made: String,
    urgency: String
  ) -> Section {
    var section = Section(title: heading.title, entries: entries, items: [], empty: heading.empty ?? "Not known")
    switch heading.source ?? "answers" {
    case "referral":
      section.entries.insert(Entry(label: "Referral for", value: "A second opinion"), at: 0)
      section.entries.insert(Entry(label: "Clinical urgency", value: urgency), at: 1)
    case "triage":
      let triage = record.triage
      section.entries.insert(
        contentsOf: [
          Entry(label: "Urgency", value: urgency),
          Entry(label: "Delay risk", value: triage.delayRisk.title),
        ], at: 0)
      if let mapping = triage.mapping {
        section.entries.append(Entry(label: "NICE NG12 term", value: mapping.nice))
        section.entries.append(Entry(label: "NHS e-Referral priority", value: mapping.eReferral))
        section.entries.append(Entry(label: "FHIR request priority", value: mapping.fhir))
      }
      if let deadline = triage.decisionDeadline {
        let fits =
          deadline.waitExceedsDeadline
          ? "The expected wait of \(deadline.expectedWaitDays) days does not fit before this date."
          : "The expected wait of \(deadline.expectedWaitDays) days fits before this date."
        section.entries.append(
          Entry(
            label: "Decision deadline",
            value:
              "Decide by \(CalendarDate.long(deadline.decideBy)), before the planned treatment on \(CalendarDate.long(deadline.treatmentDate)) (in \(deadline.daysUntilTreatment) days). \(fits)"
          ))
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
      section.entries.insert(Entry(label: "Date", value: made), at: 1)
    case "distribution":
      section.items = layout.distribution
    default: break
    }
    return section
  }

  /// The urgency in words with its time frame.
  public static func urgencyText(_ triage: TriageResult) -> String {
    let level = triage.urgency.title
    guard let mapping = triage.mapping else { return level }
    return "\(level): \(mapping.timeframe)"
  }
}
