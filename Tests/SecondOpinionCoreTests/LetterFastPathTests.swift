import Foundation
import Testing

@testable import SecondOpinionCore

/// The letter's fast paths (answers grouped under their headings in one
/// pass, the urgency worked out once, the Markdown written as bytes into one
/// buffer and escaped in place) give the letter the code before them gave:
/// that code is kept here as it was, and both lay out and render the records
/// of generated cases.
@Suite("Letter fast paths")
struct LetterFastPathTests {
  /// `LetterModel.init(record:layout:)` as it was.
  static func referenceModel(_ record: Record, _ layout: LetterLayout) -> LetterModel {
    func when(_ iso: String) -> String {
      let date = String(iso.prefix(10))
      let time = iso.count >= 16 ? String(iso.dropFirst(11).prefix(5)) : ""
      return CalendarDate.long(date) + (time.isEmpty ? "" : " at \(time) UTC")
    }
    func urgencyText(_ triage: TriageResult) -> String {
      let level = triage.urgency.rawValue.capitalized
      guard let mapping = triage.mapping else { return level }
      return "\(level): \(mapping.timeframe)"
    }
    typealias Entry = LetterModel.Entry
    func section(_ heading: LetterLayout.Heading) -> LetterModel.Section {
      var section = LetterModel.Section(
        title: heading.title, entries: [], items: [], empty: heading.empty ?? "Not known")
      section.entries = record.answers.filter { $0.heading == heading.id }.map {
        Entry(label: $0.label, value: $0.display)
      }
      switch heading.source ?? "answers" {
      case "referral":
        section.entries.insert(Entry(label: "Referral for", value: "A second opinion"), at: 0)
        section.entries.insert(Entry(label: "Clinical urgency", value: urgencyText(record.triage)), at: 1)
      case "triage":
        let triage = record.triage
        section.entries.insert(
          contentsOf: [
            Entry(label: "Urgency", value: urgencyText(triage)),
            Entry(label: "Delay risk", value: triage.delayRisk.rawValue.capitalized),
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
        section.entries.insert(Entry(label: "Date", value: when(record.createdAt)), at: 1)
      case "distribution":
        section.items = layout.distribution
      default: break
      }
      return section
    }
    // Every field is set again below, from the code as it was.
    var model = LetterModel(record: record, layout: layout)
    model.title = layout.title
    model.subtitle =
      "Record \(record.id). Made \(when(record.createdAt)). Interview version \(record.interviewVersion), triage version \(record.triage.version)."
    model.banner = record.emergency.map {
      "EMERGENCY: the interview was stopped because a red flag was reported (\($0.rule)). \($0.staffAction)"
    }
    model.sections = layout.headings.compactMap { heading -> LetterModel.Section? in
      let section = section(heading)
      if !heading.mandatory, section.entries.isEmpty, section.items.isEmpty { return nil }
      return section
    }
    model.disclaimer = layout.disclaimer
    return model
  }

  /// `MarkdownLetter.render` as it was, a string at a time.
  static func referenceMarkdown(_ model: LetterModel) -> String {
    let escape = FastPathTests.referenceEscape
    var out = "# \(model.title)\n\n_\(escape(model.subtitle))_\n\n"
    if let banner = model.banner { out += "> **\(escape(banner))**\n\n" }
    for section in model.sections {
      out += "## \(section.title)\n\n"
      for entry in section.entries { out += "- **\(escape(entry.label)):** \(escape(entry.value))\n" }
      if !section.items.isEmpty {
        if !section.entries.isEmpty { out += "\n" }
        for (index, item) in section.items.enumerated() { out += "\(index + 1). \(escape(item))\n" }
      }
      if section.entries.isEmpty, section.items.isEmpty { out += "\(section.empty ?? "Not known")\n" }
      out += "\n"
    }
    out += "---\n\n_\(escape(model.disclaimer))_\n"
    return out
  }

  @Test func lettersOfGeneratedCasesAreUnchanged() throws {
    var generator = CaseGenerator(seeds: TestSeeds.bundle, seed: 61, emergencyShare: 0.3)
    let results = CaseRunner(seeds: TestSeeds.bundle).run((0..<300).map { _ in generator.next() }, threads: 2)
    let layout = TestSeeds.bundle.letter
    var emergencies = 0
    for (index, result) in results.enumerated() {
      var record = try #require(result.record)
      if index % 3 == 0 { record.channel = .kiosk }
      if record.emergency != nil { emergencies += 1 }
      let model = LetterModel(record: record, layout: layout)
      let reference = Self.referenceModel(record, layout)
      #expect(model.title == reference.title && model.subtitle == reference.subtitle)
      #expect(model.banner == reference.banner && model.disclaimer == reference.disclaimer)
      #expect(model.sections == reference.sections, "case \(index)")
      #expect(MarkdownLetter.render(model) == Self.referenceMarkdown(reference), "case \(index)")
    }
    #expect(emergencies > 0)
  }

  @Test func escapingIntoABufferIsEscaping() {
    var generator = SeededGenerator(seed: 62)
    let pool = [
      "a", "w", "W", "www", ".", ":", "//", "/", "<", "&", "_", "@", " ", "  ", "x", "é", "\u{1B}[2J", "\t", "\u{0}",
    ]
    for _ in 0..<20_000 {
      let text = FastPathTests.random(pool, 12, &generator)
      var buffer = ByteBuffer(capacity: 1)
      buffer.append(literal: ">")
      MarkdownLetter.escape(text, into: &buffer)
      #expect(buffer.string == ">" + FastPathTests.referenceEscape(text), "\(text.debugDescription)")
    }
  }

  @Test func aByteBufferHoldsWhatAnArrayWould() {
    var generator = SeededGenerator(seed: 63)
    var buffer = ByteBuffer(capacity: 1)
    var reference: [UInt8] = []
    for _ in 0..<5_000 {
      switch Int.random(in: 0..<6, using: &generator) {
      case 0:
        let byte = UInt8.random(in: 0x20...0x7E, using: &generator)
        buffer.append(byte)
        reference.append(byte)
      case 1:
        let text = FastPathTests.random(
          ["ab", "é", "中文", "", "a longer piece of text than sixteen bytes"], 4, &generator)
        buffer.append(text)
        reference += Array(text.utf8)
      case 2:
        let number = Int.random(in: 0...1_000_000, using: &generator)
        buffer.append(decimal: number)
        reference += Array(String(number).utf8)
      case 3:
        buffer.append(literal: "lit")
        reference += Array("lit".utf8)
      case 4:
        let keep = Int.random(in: 0...reference.count, using: &generator)
        buffer.truncate(to: keep)
        reference.removeLast(reference.count - keep)
      default:
        let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
          UInt8.random(in: 0...255, using: &generator)
        }
        bytes.withUnsafeBufferPointer { buffer.append($0) }
        reference += bytes
      }
      #expect(buffer.count == reference.count)
    }
    #expect(buffer.withBytes { Array($0) } == reference)
    buffer.removeAll()
    #expect(buffer.count == 0 && buffer.string.isEmpty)
  }
}
