import Foundation
import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionTestSupport
import Testing

/// The letter a consultant reads in a minute: the summary in the first
/// screen, a typical letter within two A4 pages, no padding, no internal ids
/// or escaped entities, and an emergency titled as one.
@Suite("Letter model")
struct LetterModelTests {
  let seeds = TestSeeds.bundle

  /// The record a case of seeds/cases/ makes.
  func record(_ file: String) throws -> Record {
    let definition = try CaseDefinition.load(TestSeeds.text("cases/\(file)"), file: file)
    let result = CaseRunner(seeds: seeds).run(definition)
    return try #require(result.record, "\(file): \(result.mismatches)")
  }

  func rendered(_ record: Record, _ format: LetterFormat) throws -> String {
    String(decoding: try LetterRenderer.render(record, layout: seeds.letter, as: format), as: UTF8.self)
  }

  static let typical = "010-suspected-prostate-cancer-surgery.yaml"

  /// An A4 page of 80-column text at 6 lines an inch with the usual margins
  /// holds 66 lines; the typical letter fits two pages, and is short enough
  /// to read in a minute or two.
  @Test func theTypicalLetterFitsTwoPages() throws {
    let text = try rendered(try record(Self.typical), .text)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    let words = text.split(whereSeparator: \.isWhitespace).count
    #expect(lines <= 2 * 66, "\(lines) lines")
    #expect(words <= 850, "\(words) words")
    let markdown = try rendered(try record(Self.typical), .markdown)
    #expect(markdown.split(separator: "\n", omittingEmptySubsequences: false).count <= 2 * 66)
  }

  /// The first screen (20 lines of the plain letter, the top of the
  /// Markdown) has the patient, what is asked and why, the urgency with the
  /// date to decide by, the first opinion and the patient's questions.
  @Test func theSummaryIsInTheFirstScreen() throws {
    let record = try record(Self.typical)
    let deadline = try #require(record.triage.decisionDeadline)
    let decideBy = "Decide by \(CalendarDate.long(deadline.decideBy))"
    for format in [LetterFormat.text, .markdown] {
      let screen = try rendered(record, format).split(separator: "\n", omittingEmptySubsequences: false)
        .prefix(20).joined(separator: " ")
      let folded = screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      for needle in [
        "Sam Taylor, 56 years, NHS number 943 476 5919", "Second opinion on", "Prostate cancer",
        "Doubt about the diagnosis", "Urgent: within 2 weeks", decideBy, "First opinion", "Dr Patel",
        "Radical prostatectomy", "Is surgery the only option?", "What about active surveillance?",
      ] {
        #expect(folded.contains(needle), "\(format): \(needle)")
      }
    }
  }

  /// Urgency once; no "None given" or "None of these"; the allergies among
  /// the safety alerts; reasons as the trees' sentences, not "Urgency urgent:".
  @Test func theTypicalLetterHasNoPadding() throws {
    let record = try record(Self.typical)
    let model = LetterModel(record: record, layout: seeds.letter)
    let entries = model.sections.flatMap(\.entries)
    #expect(entries.filter { $0.label == "Urgency" }.count == 1)
    let alerts = try #require(model.sections.first { $0.title == "Safety alerts" })
    #expect(alerts.entries.contains { $0.value == "penicillin - rash" })
    for format in [LetterFormat.markdown, .text, .html] {
      let letter = try rendered(record, format)
      for padding in ["None given", "None of these", "Question 3", "Urgency urgent:", "Delay risk high:"] {
        #expect(!letter.contains(padding), "\(format): \(padding)")
      }
      #expect(letter.contains("Cancer is suspected and still being checked"), "\(format)")
    }
  }

  /// Every id the seeds use with an underscore (questions, choices, stop
  /// rules, messages, tree nodes and leaves, letter headings).
  var internalIDs: Set<String> {
    var ids: [String] = []
    for question in seeds.interview.questions {
      ids.append(question.id)
      ids += (question.choices ?? []).map(\.id)
    }
    ids += seeds.interview.stops.map(\.id) + seeds.interview.messages.map(\.id)
    for tree in [seeds.triage.urgency, seeds.triage.delayRisk] {
      ids += tree.nodes.map(\.id) + tree.leaves.map(\.id)
    }
    ids += seeds.letter.headings.map(\.id)
    return Set(ids.filter { $0.contains("_") })
  }

  /// No letter of any case of the library shows an internal id (escaped or
  /// not) or an escaped entity; HTML escapes once (`A&amp;E`, never
  /// `&amp;amp;`).
  @Test func noLetterShowsAnInternalIDOrAnEntity() throws {
    let folder = TestSeeds.folder.appendingPathComponent("cases")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
    #expect(files.count > 50)
    let ids = internalIDs
    #expect(ids.contains("red_flag_physical") && ids.contains("red_flags"))
    var sawAE = false
    for file in files.sorted() {
      let record = try record(file)
      for format in [LetterFormat.markdown, .text, .html] {
        let letter = try rendered(record, format)
        for id in ids {
          let escaped = id.replacingOccurrences(of: "_", with: "\\_")
          #expect(!letter.contains(id) && !letter.contains(escaped), "\(file) \(format): \(id)")
        }
        if format == .html {
          #expect(!letter.contains("&amp;amp;") && !letter.contains("&amp;lt;"), "\(file)")
          if letter.contains("A&amp;E") { sawAE = true }
        } else {
          for entity in ["&amp;", "&lt;", "&gt;", "&quot;", "&#"] {
            #expect(!letter.contains(entity), "\(file) \(format): \(entity)")
          }
        }
      }
    }
    #expect(sawAE, "an emergency letter says A&E")
  }

  /// A record the emergency disposition made is titled as an emergency, in
  /// the wording of seeds/letter.yaml, in every format; others are not.
  @Test func anEmergencyRecordIsTitledAsOne() throws {
    let emergency = try record("001-red-flag-chest-pain.yaml")
    #expect(emergency.emergency != nil)
    let title = seeds.letter.emergencyTitle
    #expect(LetterModel(record: emergency, layout: seeds.letter).title == title)
    #expect(try rendered(emergency, .markdown).hasPrefix("# \(MarkdownLetter.escape(title))\n"))
    #expect(try rendered(emergency, .text).hasPrefix(title.uppercased() + "\n"))
    #expect(try rendered(emergency, .html).contains("<h1>\(HTMLLetter.escape(title))</h1>"))
    let routine = try record(Self.typical)
    #expect(LetterModel(record: routine, layout: seeds.letter).title == seeds.letter.title)
    #expect(!(try rendered(routine, .markdown)).contains("EMERGENCY"))
  }

  /// The patient's sex is in the summary when recorded (answer `sex`), and
  /// left out quietly when not.
  @Test func theSexIsInTheSummaryWhenRecorded() throws {
    var record = try record(Self.typical)
    func patientLine(_ record: Record) -> String? {
      LetterModel(record: record, layout: seeds.letter).sections.first?.entries.first { $0.label == "Patient" }?
        .value
    }
    record.answers.removeAll { $0.questionId == "sex" }
    #expect(patientLine(record) == "Sam Taylor, 56 years, NHS number 943 476 5919")
    var sex = try #require(record.answer("care_setting"))
    sex.questionId = "sex"
    sex.heading = "patient"
    sex.label = "Sex"
    sex.value = .string("male")
    sex.display = "Male"
    record.answers.append(sex)
    #expect(patientLine(record) == "Sam Taylor, 56 years, Male, NHS number 943 476 5919")
  }
}

/// The patient's language under the individual requirements: a record not
/// in English says it and that the interview was in it; an interpreter need
/// is stated in any language; an English record without one adds nothing.
@Suite("Letter language")
struct LetterLanguageTests {
  let layout = TestSeeds.bundle.letter

  func record(_ file: String, language: String = "en") throws -> Record {
    let definition = try CaseDefinition.load(TestSeeds.text("cases/\(file)"), file: file)
    var record = try #require(CaseRunner(seeds: TestSeeds.bundle).run(definition).record)
    record.language = language
    return record
  }

  func requirements(_ record: Record) -> [LetterModel.Entry]? {
    LetterModel(record: record, layout: layout).sections.first { $0.title == "Individual requirements" }?.entries
  }

  @Test func aWelshRecordStatesThePreferredLanguage() throws {
    let welsh = try record(LetterModelTests.typical, language: "cy")
    let entries = try #require(requirements(welsh))
    #expect(entries.first?.label == "Preferred language")
    #expect(entries.first?.value == "Welsh (Cymraeg). Interview completed in Welsh.")
    #expect(!entries.contains { $0.label == "Interpreter" })
    let text = String(decoding: try LetterRenderer.render(welsh, layout: layout, as: .text), as: UTF8.self)
    #expect(text.contains("Preferred language: Welsh (Cymraeg). Interview completed in Welsh."))
  }

  @Test func anEnglishRecordWithoutAnInterpreterAddsNothing() throws {
    let english = try record(LetterModelTests.typical)
    // "None of these" only: the heading is left out, as before.
    #expect(requirements(english) == nil)
  }

  @Test func anInterpreterNeedIsStatedWhateverTheLanguage() throws {
    let english = try record("043-hysterectomy-abroad-route-fixed-date.yaml")
    let entries = try #require(requirements(english))
    #expect(entries.first?.label == "Interpreter")
    #expect(entries.first?.value == "Needed; see the requirement details. Interview completed in English.")
    #expect(entries.contains { $0.label == "Requirement details" && $0.value == "Polish, for the appointment only" })
    #expect(!entries.contains { $0.label == "Preferred language" })
    let welsh = try #require(requirements(try record("043-hysterectomy-abroad-route-fixed-date.yaml", language: "cy")))
    #expect(welsh.map(\.label).prefix(2) == ["Preferred language", "Interpreter"])
  }
}
