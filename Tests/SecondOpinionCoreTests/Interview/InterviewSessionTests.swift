import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

@Suite("Interview session")
struct InterviewSessionTests {
  func session(_ voice: Voice = .patient, _ answers: [String] = []) -> InterviewSession {
    var session = InterviewSession(seeds: TestSeeds.bundle, voice: voice, today: TestSeeds.today)
    for answer in answers {
      let outcome = session.apply(answer)
      #expect(outcome != .rejected(ParseFailure("", example: "")), "\(answer)")
    }
    return session
  }

  @Test func theRedFlagScreenIsFirstInEveryMode() {
    for voice in Voice.allCases {
      #expect(session(voice).current?.id == "red_flags")
    }
  }

  @Test func anyRedFlagStopsAtOnce() {
    for number in 1...11 {
      var s = session()
      guard case .stopped(let rule) = s.apply(String(number)) else {
        Issue.record("red flag \(number) did not stop the interview")
        continue
      }
      #expect(rule.id.hasPrefix("red_flag"))
      #expect(s.current == nil)
      #expect(!s.isComplete)
    }
    var unsure = session()
    #expect(unsure.apply("not sure") != .accepted)
  }

  @Test func receptionistModeAsksAboutTheCallerAndPatientModeDoesNot() {
    #expect(session(.receptionist, ["none"]).current?.id == "caller_relationship")
    #expect(session(.patient, ["none"]).current?.id == "full_name")
    let proxy = session(.receptionist, ["none", "relative", "Pat Jones", "", "yes", "2"])
    #expect(proxy.current?.id == "lasting_power_of_attorney")
    let selfCaller = session(.receptionist, ["none", "1"])
    #expect(selfCaller.current?.id == "full_name")
  }

  @Test func branchesOnTheReason() {
    // The red-flag screen, name, date of birth, sex (left blank), NHS number,
    // postcode, phone, practice, pregnancy.
    let base = ["none", "Sam Taylor", "25/11/1970", "", "not sure", "SW1A 1AA", "07700 900123", "Riverside", "no"]
    #expect(session(.patient, base + ["5", "nhs", "not sure", "not sure", "not sure"]).current?.id == "cancer_status")
    #expect(
      session(.patient, base + ["6", "nhs", "not sure", "not sure", "not sure"]).current?.id == "mental_health_trend")
    #expect(
      session(.patient, base + ["1", "nhs", "not sure", "not sure", "not sure"]).current?.id == "treatment_proposed")
  }

  @Test func backReturnsToThePreviousQuestionAndRecomputesBranching() {
    var s = session(.receptionist, ["none", "relative"])
    #expect(s.current?.id == "caller_name")
    let wentBack = s.back()
    #expect(wentBack)
    #expect(s.current?.id == "caller_relationship")
    #expect(s.apply("1") == .accepted)
    #expect(s.current?.id == "full_name")
    #expect(s.answers["caller_name"] == nil)
    var first = session()
    let firstWentBack = first.back()
    #expect(!firstWentBack)
  }

  @Test func changingAnAnswerDropsAnswersThatNoLongerApply() {
    var s = session(.receptionist, ["none", "relative", "Pat Jones", "", "yes", "not able", "yes"])
    #expect(s.answers["lasting_power_of_attorney"] != nil)
    _ = s.apply("self", to: TestSeeds.bundle.interview.question("caller_relationship")!)
    #expect(s.answers["lasting_power_of_attorney"] == nil)
    #expect(s.answers["caller_name"] == nil)
    #expect(s.effectiveAnswers.map(\.questionID) == ["red_flags", "caller_relationship"])
  }

  @Test func progressCountsUp() {
    let start = session().progress
    let later = session(.patient, ["none", "Sam Taylor"]).progress
    #expect(start.number == 1 && later.number == 3)
    #expect(start.section == 1 && later.section == 2)
    #expect(later.sections == TestSeeds.bundle.interview.sections?.count)
  }

  /// Progress by section, along a whole interview: the total is the same at
  /// every question, and the section never goes backwards or past it.
  @Test func progressBySectionNeverGoesBackOrPastItsTotal() {
    var s = session(.receptionist, [])
    let total = s.progress.sections
    #expect(total >= 5)
    var last = 0
    var steps = 0
    while let question = s.current, steps < 200 {
      let progress = s.progress
      #expect(progress.sections == total)
      #expect(progress.section >= last && progress.section <= total, "at \(question.id)")
      #expect(progress.title != nil)
      last = progress.section
      steps += 1
      let answer: String
      switch question.type {
      case .yesNo: answer = "no"
      case .multipleChoice: answer = question.id == "red_flags" ? "none" : "1"
      case .singleChoice, .number: answer = "1"
      case .date:
        answer =
          question.id == "date_of_birth"
          ? "25/11/1970" : question.allowsUnknown ? "not sure" : question.isOptional ? "" : "1/1/2020"
      case .text:
        switch question.format ?? .plain {
        case .nhsNumber: answer = "943 476 5919"
        case .postcode: answer = "SW1A 1AA"
        case .phone: answer = "07700 900123"
        default: answer = question.isOptional ? "" : "Sam Taylor"
        }
      }
      if case .rejected(let failure) = s.apply(answer) {
        Issue.record("\(question.id) refused \(answer): \(failure.reason)")
        return
      }
    }
    #expect(last == total)
  }

  @Test func rejectedAnswersLeaveTheSessionUnchanged() {
    var s = session(.patient, ["none", "Sam Taylor"])
    guard case .rejected = s.apply("31/02/1990") else {
      Issue.record("accepted an impossible date")
      return
    }
    #expect(s.current?.id == "date_of_birth")
    #expect(s.answers["date_of_birth"] == nil)
  }

  @Test func selfHarmInFreeTextAsksAConfirmingQuestion() {
    // By question id, so a question added elsewhere does not shift the answers.
    var (s, refused) = KeyedSession.run(
      .patient, ["reason": "6", "symptoms": "I keep thinking about ending my life"], stopAt: "self_harm_check")
    #expect(refused.isEmpty, "\(refused)")
    #expect(s.answers["symptoms"] != nil)
    #expect(s.current?.id == "self_harm_check")
    guard case .stopped(let rule) = s.apply("yes") else {
      Issue.record("a confirmed self-harm thought did not stop the interview")
      return
    }
    #expect(rule.id == "self_harm_confirmed")
  }
}
