import Foundation
import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionTestSupport
import Testing

/// The patient's copy: the reference, the date, what was asked for, the
/// answers by label, what happens next and the advice shown, every word from
/// the interview definition it is given.
@Suite("Patient copy")
struct PatientCopyTests {
  let seeds = TestSeeds.bundle

  func record(_ file: String) throws -> Record {
    let definition = try CaseDefinition.load(TestSeeds.text("cases/\(file)"), file: file)
    let result = CaseRunner(seeds: seeds).run(definition)
    return try #require(result.record, "\(file): \(result.mismatches)")
  }

  /// A made-up language: every word outside a `{placeholder}` reversed and
  /// marked, so no English word of the definition survives in it.
  static func foreign(_ text: String) -> String {
    var out = ""
    var word = ""
    var inPlaceholder = false
    func flush() {
      if !word.isEmpty { out += "q" + String(word.reversed()) }
      word = ""
    }
    for character in text {
      if character == "{" { inPlaceholder = true }
      if character.isLetter, !inPlaceholder {
        word.append(character)
      } else {
        flush()
        out.append(character)
      }
      if character == "}" { inPlaceholder = false }
    }
    flush()
    return out
  }

  /// The definition with every string the copy could print replaced: the
  /// labels, the choices, the wording and the messages.
  static func translated(_ english: InterviewDefinition) -> InterviewDefinition {
    var definition = english
    func voiced(_ text: VoiceText) -> VoiceText {
      VoiceText(patient: text.patient.map(foreign), receptionist: text.receptionist.map(foreign))
    }
    for index in definition.questions.indices {
      definition.questions[index].label = foreign(definition.questions[index].label)
      definition.questions[index].choices = definition.questions[index].choices?.map { choice in
        var choice = choice
        choice.label = voiced(choice.label)
        return choice
      }
    }
    definition.wording = definition.wording?.mapValues(voiced)
    definition.messages = definition.messages.map { message in
      var message = message
      message.title = foreign(message.title)
      message.patient = foreign(message.patient)
      message.kiosk = message.kiosk.map(foreign)
      message.receptionist = foreign(message.receptionist)
      return message
    }
    return definition
  }

  /// The text with its wrapped lines joined again.
  static func unwrapped(_ text: String) -> String {
    text.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(
      of: "(?<!\n)\n(?!\n)", with: " ", options: .regularExpression)
  }

  static func words(_ text: String) -> Set<String> {
    Set(text.split { !$0.isLetter }.map { $0.lowercased() }.filter { $0.count >= 3 })
  }

  @Test func anEnglishCopyHasTheReferenceTheDateTheReasonTheAnswersTheNextStepAndTheAdvice() throws {
    let record = try record("010-suspected-prostate-cancer-surgery.yaml")
    let copy = PatientCopy.render(record, definition: seeds.interview, clock: seeds.letter.clock)
    #expect(copy.hasPrefix("Your request for a second opinion\n=================================\n"))
    #expect(copy.contains("Your reference is \(RecordReference.make(for: record.id))."))
    #expect(copy.contains("Date: 25/11/2026"))
    #expect(Self.unwrapped(copy).contains("Your reasons: Doubt about the diagnosis; Cancer, or suspected cancer."))
    #expect(copy.contains("- Date of birth: 25/11/1970"))
    #expect(copy.contains("- Planned treatment date: 14/01/2027"))
    #expect(copy.contains("- Treatment proposed: Yes"))
    #expect(copy.contains("- Treatment date could safely move: Not known (not sure)"))
    #expect(copy.contains("What happens next:"))
    #expect(copy.contains("While you wait\n\nKeep taking any treatment"))
    for line in copy.split(separator: "\n") { #expect(TextWrapper.columns(line) <= 80, "\(line)") }
    // Only answers the person gave: no skipped question is listed.
    for answer in record.answers where answer.state == .skipped {
      #expect(!copy.contains("- \(answer.label):"), "\(answer.questionId)")
    }
  }

  @Test func theChoicesAndWordsComeFromTheDefinitionNotTheRecord() throws {
    let record = try record("010-suspected-prostate-cancer-surgery.yaml")
    let english = PatientCopy.render(record, definition: seeds.interview, clock: seeds.letter.clock)
    let definition = Self.translated(seeds.interview)
    let copy = PatientCopy.render(record, definition: definition, clock: seeds.letter.clock)
    // What the patient typed, the dates and the reference are theirs, in any language.
    var theirs = Set<String>()
    for answer in record.answers {
      switch answer.value {
      case .string(let text) where answer.type == .text: theirs.formUnion(Self.words(text))
      default: break
      }
    }
    let leaked = Self.words(copy).intersection(Self.words(english).subtracting(theirs))
    #expect(leaked.isEmpty, "English in the copy: \(leaked.sorted())")
    #expect(copy.contains("- \(Self.foreign("Treatment proposed")): \(Self.foreign("Yes"))"))
    #expect(Self.unwrapped(copy).contains(Self.foreign("Doubt about the diagnosis; Cancer, or suspected cancer")))
    #expect(copy.contains("Sam Taylor"))
  }

  @Test func anEmergencyCopyGivesTheAdviceShownAndNoNextStep() throws {
    let record = try record("009-red-flag-suicidal-thoughts.yaml")
    let copy = PatientCopy.render(record, definition: seeds.interview, clock: seeds.letter.clock)
    #expect(!copy.contains("What happens next"))
    let crisis = try #require(seeds.interview.message("mental_health_crisis"))
    #expect(copy.contains(crisis.title))
    #expect(copy.contains("Samaritans"))
  }

  /// Every key the copy reads is worded in seeds/interview.yaml, and in
  /// Welsh, so no line of a copy is left blank or in English.
  @Test func everyKeyTheCopyReadsIsWordedInEnglishAndWelsh() throws {
    let keys: [InterfaceWording] =
      InterfaceWording.allCases.filter { $0.rawValue.hasPrefix("copy") } + [
        .reference, .whatNext, .answerYes, .answerNo, .answerUnknown, .answerDeclined, .answerSkipped,
      ]
    let welsh = TestSeeds.speaking("cy").interview
    for key in keys {
      #expect(seeds.interview.wording?[key.rawValue]?.has(.patient) == true, "\(key) is not in seeds/interview.yaml")
      #expect(
        welsh.say(key, .patient) != seeds.interview.say(key, .patient), "\(key) has no Welsh in seeds/languages/cy")
    }
  }

  /// In Welsh the copy is Welsh throughout: its own lines, the questions'
  /// labels and the answers' words, from seeds/languages/cy/.
  @Test func theWelshDefinitionGivesAWelshCopy() throws {
    let definition = TestSeeds.speaking("cy").interview
    let record = try record("010-suspected-prostate-cancer-surgery.yaml")
    let copy = PatientCopy.render(record, definition: definition, clock: seeds.letter.clock)
    #expect(copy.hasPrefix("Eich cais am ail farn\n"))
    #expect(copy.contains("Dyddiad: 25/11/2026"))
    #expect(copy.contains("Eich atebion"))
    let proposed = try #require(definition.question("treatment_proposed")?.label)
    let movable = try #require(definition.question("treatment_date_movable")?.label)
    #expect(copy.contains("- \(proposed): \(definition.say(.answerYes, .patient))"))
    #expect(copy.contains("- \(movable): \(definition.say(.answerUnknown, .patient))"))
    #expect(copy.contains("Y cyngor a roddwyd i chi"))
    #expect(!copy.contains("Treatment proposed"))
  }
}
