import Foundation
import SecondOpinionCore

/// What the drafts listing says about one draft, for a receptionist choosing
/// which call to continue: who was calling and about whom (read from the
/// draft's answers replayed on the seeds), the question waiting in its own
/// wording, and when it was saved in UK local time.
public struct DraftSummary: Sendable {
  /// The caller's name; nil when not given yet.
  public var caller: String?
  /// Whether the caller is the patient (no caller's name is asked then).
  public var callerIsPatient: Bool
  /// The patient's name (the question whose `field` is `patient.name`); nil when not given yet.
  public var patient: String?
  /// The waiting question's text in the draft's voice; nil at the review.
  public var waiting: String?

  /// Reads a draft against the seeds.
  public init(_ draft: Draft, seeds: SeedBundle) {
    let replayed = draft.session(seeds: seeds)
    let session = replayed?.session
    let voice = session?.voice ?? .receptionist
    let questions = seeds.interview.questions
    let patientQuestion = questions.first { $0.field == "patient.name" }
    // The caller's name: the other question asking for a name.
    let callerQuestion = questions.first { $0.format == .name && $0.id != patientQuestion?.id }
    func typed(_ question: Question?) -> String? {
      guard let question, let answer = session?.answers[question.id], case .text(let text) = answer.value else {
        return nil
      }
      let clean = TextSanitizer.clean(text)
      return clean.isEmpty ? nil : clean
    }
    patient = typed(patientQuestion)
    caller = typed(callerQuestion)
    callerIsPatient =
      caller == nil
      && callerQuestion.map { question in
        session.map { !$0.isAsked(question) && !$0.history.isEmpty } ?? false
      } ?? false
    waiting = draft.waitingAt.map { id in
      seeds.interview.question(id).map { TextSanitizer.clean($0.text.text(for: voice)) } ?? id
    }
  }

  /// An ISO 8601 time as UK local time with its zone, e.g. `25 Nov 2026
  /// 10:00 GMT` or `1 Jul 2026 11:00 BST` (Europe/London; UTC when the
  /// system has no time-zone data). The text itself when it is not a time.
  public static func ukTime(_ iso: String) -> String {
    guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_GB")
    let zone = TimeZone(identifier: "Europe/London") ?? TimeZone(identifier: "UTC")!
    formatter.timeZone = zone
    formatter.dateFormat = "d MMM yyyy HH:mm"
    let abbreviation = zone.abbreviation(for: date) ?? zone.identifier
    // Foundation may say GMT+1 for summer time; people in the UK say BST.
    let name =
      zone.identifier == "Europe/London" ? (zone.isDaylightSavingTime(for: date) ? "BST" : "GMT") : abbreviation
    return formatter.string(from: date) + " " + name
  }
}
