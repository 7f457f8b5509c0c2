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
  /// `LetterModel.init(record:layout:)` as it was: each heading's answers
  /// found by filtering all of them, the urgency and the time worked out for
  /// each use, each section then made as the model makes it (that part is
  /// unchanged).
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
    // Every field is set again below.
    var model = LetterModel(record: record, layout: layout)
    model.title = layout.title
    model.subtitle =
      "Record \(record.id). Made \(when(record.createdAt)). Interview version \(record.interviewVersion), triage version \(record.triage.version)."
    model.banner = record.emergency.map {
      "EMERGENCY: the interview was stopped because a red flag was reported (\($0.rule)). \($0.staffAction)"
    }
    model.sections = layout.headings.compactMap { heading -> LetterModel.Section? in
      let entries = record.answers.filter { $0.heading == heading.id }.map {
        LetterModel.Entry(label: $0.label, value: $0.display)
      }
      let section = LetterModel.section(
        heading, entries: entries, record: record, layout: layout, made: when(record.createdAt),
        urgency: urgencyText(record.triage))
      if !heading.mandatory, section.entries.isEmpty, section.items.isEmpty { return nil }
      return section
    }
    model.disclaimer = layout.disclaimer
    return model
  }

  @Test func levelsAreWrittenAsTheirCapitalisedNames() {
    for level in Urgency.allCases { #expect(level.title == level.rawValue.capitalized) }
    for level in DelayRisk.allCases { #expect(level.title == level.rawValue.capitalized) }
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
