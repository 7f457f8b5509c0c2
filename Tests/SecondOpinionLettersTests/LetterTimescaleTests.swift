import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionTestSupport
import Testing

/// One timescale, stated once: the letter's decide-by date is never before
/// the letter's date, the urgency the tree gives agrees with the deadline
/// line, the expected wait printed is the one for the route and kind of care,
/// and the mapping onto e-Referral and FHIR priorities is said once.
@Suite("Letter timescale")
struct LetterTimescaleTests {
  let seeds = TestSeeds.bundle

  func answers(_ pairs: [(String, AnswerValue)]) -> AnswerSet {
    var set = AnswerSet()
    for (id, value) in pairs { set.set(Answer(questionID: id, typed: "", value: value)) }
    return set
  }

  func day(_ offset: Int) -> String { CalendarDate.adding(days: offset, to: TestSeeds.today) ?? TestSeeds.today }

  /// A record made today with the triage of these answers.
  func record(_ pairs: [(String, AnswerValue)]) -> Record {
    let session = InterviewSession(seeds: seeds, voice: .patient, today: TestSeeds.today)
    var record = RecordBuilder(seeds: seeds).build(
      session: session, id: "SO-20261125T100000Z-00000000", createdAt: "\(TestSeeds.today)T10:00:00Z",
      channel: .pipe, operatorName: nil, shown: [])
    record.triage = seeds.evaluator.evaluate(answers(pairs), voice: .patient, today: TestSeeds.today)
    return record
  }

  func entries(_ model: LetterModel, _ label: String) -> [String] {
    model.sections.flatMap(\.entries).filter { $0.label == label }.map(\.value)
  }

  /// For every route (and not known), kind of care (medical, dental), basis
  /// (a treatment date, a decision date) and date from today to 200 days
  /// away: the decide-by date is never before the letter's date, no earlier
  /// date is printed, and the urgency line agrees with the deadline line.
  @Test func theDeadlineIsNeverBeforeTheLetterAndAgreesWithTheUrgency() throws {
    for route in ["nhs", "private", "abroad", ""] {
      for reason in ["diagnosis_doubt", "dental"] {
        for basis in ["treatment", "decision"] {
          for days in 0...200 {
            var pairs: [(String, AnswerValue)] = [
              ("red_flags", .choices(["none"])), ("reason", .choices([reason])), ("treatment_proposed", .bool(true)),
              ("treatment_irreversible", .bool(false)), ("symptom_trend", .choice("same")),
              ("route", route.isEmpty ? .unknown : .choice(route)),
            ]
            if basis == "treatment" {
              pairs += [("treatment_date", .date(day(days))), ("treatment_date_movable", .bool(true))]
            } else {
              pairs.append(("decision_date", .date(day(days))))
            }
            let note = Comment(rawValue: "\(route) \(reason) \(basis) \(days) days")
            let record = record(pairs)
            let triage = record.triage
            let deadline = try #require(triage.decisionDeadline, note)
            let wait = try #require(triage.expectedWait, note)
            #expect(deadline.decideBy >= TestSeeds.today, note)
            let model = LetterModel(record: record, layout: seeds.letter)
            let line = try #require(entries(model, "Decision deadline").first, note)
            for past in 1...14 { #expect(!line.contains(CalendarDate.long(day(-past))), note) }
            let urgency = try #require(entries(model, "Urgency").first, note)
            let left = deadline.daysLeft
            if left <= 0 {
              #expect(line.hasPrefix("The decision is due now: contact the treating team today"), note)
            } else {
              #expect(line.hasPrefix("Decide by \(CalendarDate.long(deadline.decideBy))"), note)
            }
            if left < 7 {
              #expect(triage.urgencyLeaf == "u_urgent_imminent", note)
              #expect(urgency == "Urgent: within days: contact the treating team now", note)
            } else if left < 15 {
              #expect(triage.urgency == .urgent, note)
              #expect(urgency.hasPrefix("Urgent: within 2 weeks"), note)
            } else if left < wait.days {
              #expect(triage.urgency >= .soon, note)
              #expect(!urgency.contains("within days"), note)
            } else {
              #expect(!urgency.contains("within days") && !urgency.contains("within 2 weeks"), note)
            }
            #expect(deadline.waitExceedsDeadline == (wait.days > left), note)
            // The wait is stated in the deadline line; its kind of care and
            // source once, in the assumptions.
            #expect(entries(model, "Expected wait").isEmpty, note)
            #expect(line.contains("The expected wait of \(wait.days) days"), note)
            #expect(!line.contains(wait.source), note)
            let assumptions = try #require(entries(model, "Assumptions").first, note)
            // With no route, the cautious default is said instead of a kind of care.
            #expect(
              assumptions.contains(
                route.isEmpty ? "\(wait.days) days (the cautious default" : "\(wait.days) days, for \(wait.care)"),
              note)
            if reason == "dental", route == "nhs" || route == "private" {
              #expect(wait.kind.hasPrefix("dental") && wait.days < 126, note)
            }
          }
        }
      }
    }
  }

  /// The urgency is printed once (not again under the reason for referral),
  /// and the mapping onto e-Referral and FHIR priorities once, with why.
  @Test(arguments: [
    [("red_flags", AnswerValue.choices(["none"]))],
    [("red_flags", .choices(["none"])), ("treatment_date", .date("2026-12-10"))],
    [("red_flags", .choices(["none"])), ("reason", .choices(["cancer"])), ("cancer_status", .choice("suspected"))],
    [("red_flags", .choices(["none"])), ("treatment_date", .date("2027-01-20")), ("route", .choice("nhs"))],
  ])
  func theLetterStatesTheUrgencyAndTheMappingOnce(pairs: [(String, AnswerValue)]) throws {
    let record = record(pairs)
    let model = LetterModel(record: record, layout: seeds.letter)
    let all = model.sections.flatMap(\.entries)
    #expect(all.filter { $0.label == "Urgency" }.count == 1)
    #expect(all.filter { $0.label == "Clinical urgency" }.isEmpty)
    for old in ["NICE NG12 term", "NHS e-Referral priority", "FHIR request priority"] {
      #expect(all.allSatisfy { $0.label != old }, "\(old)")
    }
    let scales = try #require(all.first { $0.label == "Other priority scales" }?.value)
    let mapping = try #require(record.triage.mapping)
    #expect(scales.contains("\"\(mapping.eReferral)\"") && scales.contains("\"\(mapping.fhir)\""))
    #expect(scales.contains(try #require(mapping.why)))
    for format in [LetterFormat.markdown, .text, .html] {
      let rendered = String(
        decoding: try LetterRenderer.render(record, layout: seeds.letter, as: format), as: UTF8.self)
      // The plain text is wrapped at 80 columns: compare with the spaces folded.
      let text = rendered.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(text.components(separatedBy: "Sent as NHS e-Referral priority").count == 2, "\(format)")
    }
  }

  /// Every level says why its public priorities differ (soon is e-RS
  /// "2 Urgent" and FHIR "urgent" for a stated reason).
  @Test func everyLevelSaysWhyItsPrioritiesDiffer() {
    for mapping in seeds.triage.mappings {
      #expect(!(mapping.why ?? "").isEmpty, "\(mapping.level)")
    }
    let soon = seeds.triage.mapping(.soon)
    #expect(soon?.why?.contains("2 Urgent") == true)
  }
}
