import Foundation

/// What the person sees once their record is saved, in the seeds' wording:
/// the short reference (`RecordReference`, never a file path), what happens
/// next (after a completed interview; after an emergency the alert has said
/// it), and for a receptionist where the record is in the outbox.
public enum SubmittedNotice {
  /// The notice, wrapped to `width` columns, starting with a blank line.
  /// - Parameters:
  ///   - recordID: the saved record's id.
  ///   - emergency: whether the interview stopped for an emergency.
  ///   - delivery: the record's outbox status as delivery.json names it
  ///     (`pending`, `sent`, ...; shown to the receptionist only); nil when
  ///     it could not be read.
  public static func render(
    _ definition: InterviewDefinition, voice: Voice, recordID: String, emergency: Bool,
    delivery: String?, width: Int = OutputWidth.standard
  ) -> String {
    func line(_ text: String) -> String { TextWrapper.wrap(text, width: width) + "\n" }
    var out =
      "\n"
      + line(
        definition.say(
          .reference, voice, ["reference": RecordReference.make(for: recordID)]))
    if !emergency {
      out += "\n" + line(definition.say(.whatNext, voice))
    }
    if voice == .receptionist, let delivery {
      // A state the seeds do not word is shown by its name in delivery.json.
      let state = InterfaceWording.delivery(delivery).map { definition.say($0, voice) } ?? delivery
      out += line(definition.say(.deliveryState, voice, ["state": state]))
    }
    return out.replacingOccurrences(of: "\n\n\n", with: "\n\n")
  }
}
