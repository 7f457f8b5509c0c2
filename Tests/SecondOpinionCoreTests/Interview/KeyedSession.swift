import SecondOpinionCore
import SecondOpinionTestSupport

/// Drives a session by question id, as the case library does, so a question
/// added elsewhere in the interview does not shift the answers: each question
/// takes its answer from `answers`, else a blank when it is optional, else
/// "not sure" when it allows that, else a plain default for its type.
enum KeyedSession {
  static let defaults: [String: String] = [
    "red_flags": "none", "full_name": "Sam Taylor", "date_of_birth": "25/11/1980", "postcode": "SW1A 1AA",
    "phone": "07700 900123", "pregnant": "no", "reason": "1", "care_setting": "nhs", "treatment_proposed": "no",
    "symptom_trend": "same", "pain": "no", "alarm_symptoms": "none", "consent_share": "yes",
    "question_1": "Is it right?",
    "route": "nhs", "requirements": "none",
  ]

  /// Answers questions until `stopAt` is the current question (or the
  /// interview ends or stops); returns the session and any answer refused.
  static func run(
    _ voice: Voice = .patient, _ answers: [String: String] = [:], stopAt: String? = nil
  ) -> (session: InterviewSession, refused: [String]) {
    var session = InterviewSession(seeds: TestSeeds.bundle, voice: voice, today: TestSeeds.today)
    var refused: [String] = []
    var steps = 0
    while let question = session.current, question.id != stopAt, session.stoppedBy == nil, steps < 200 {
      steps += 1
      let typed =
        answers[question.id] ?? defaults[question.id]
        ?? (question.isOptional ? "" : question.allowsUnknown ? "not sure" : question.type == .yesNo ? "no" : "1")
      if case .rejected(let failure) = session.apply(typed) {
        refused.append("\(question.id): \(typed): \(failure.reason)")
        break
      }
    }
    return (session, refused)
  }
}
