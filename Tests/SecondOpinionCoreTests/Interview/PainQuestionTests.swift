import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// Pain is two questions, each asking one thing: is there pain (yes or no),
/// then, only when there is (or it is not sure), how well it is controlled.
@Suite("Pain questions")
struct PainQuestionTests {
  func session(_ pain: [String], stopAt: String? = nil) -> InterviewSession {
    var answers: [String: String] = [:]
    if let first = pain.first { answers["pain"] = first }
    if pain.count > 1 { answers["pain_control"] = pain[1] }
    let (session, refused) = KeyedSession.run(.patient, answers, stopAt: stopAt)
    #expect(refused.isEmpty, "\(refused)")
    return session
  }

  @Test func painIsAskedAsYesOrNo() {
    let s = session([], stopAt: "pain")
    #expect(s.current?.id == "pain")
    #expect(s.current?.type == .yesNo)
    #expect(s.current?.text.text(for: .patient) == "Do you have pain from this?")
  }

  @Test func noPainSkipsTheControlQuestion() {
    let s = session(["no"])
    #expect(s.answers["pain"]?.value == .bool(false))
    #expect(s.answers["pain_control"] == nil)
    #expect(s.isComplete)
  }

  @Test(arguments: ["yes", "not sure"])
  func painOrNotSureAsksHowWellItIsControlled(_ answer: String) {
    let s = session([answer], stopAt: "pain_control")
    #expect(s.current?.id == "pain_control")
  }

  @Test(arguments: [
    ("controlled", "controlled"), ("partly", "partly"), ("not controlled", "uncontrolled"),
    ("getting worse", "worsening"), ("no", "uncontrolled"),
  ])
  func theControlAnswersMeanOneThing(_ typed: String, _ choice: String) {
    let s = session(["yes", typed])
    #expect(s.answers["pain_control"]?.value == .choice(choice))
  }

  /// The triage reads the split answer: pain not (fully) controlled raises
  /// urgency; no pain or controlled pain does not.
  @Test(arguments: [
    (["no"], false), (["yes", "controlled"], false), (["yes", "partly"], true), (["yes", "not controlled"], true),
    (["yes", "getting worse"], true),
  ])
  func theTriageReadsPainControl(_ pain: [String], _ raises: Bool) {
    let s = session(pain)
    let triage = TestSeeds.bundle.evaluator.evaluate(s.answers, voice: .patient, today: TestSeeds.today)
    #expect(triage.path.contains { $0.node == "u_pain" && $0.result == "yes" } == raises, "\(pain)")
  }

  /// No question of the interview asks two things joined by ", and is it"
  /// (the old pain question).
  @Test func noQuestionAsksTwoThingsInOne() {
    for question in TestSeeds.bundle.interview.questions {
      for voice in Voice.allCases {
        #expect(!question.text.text(for: voice).contains(", and is it"), "\(question.id)")
      }
    }
  }
}
