import Foundation
import SecondOpinionCore

/// Exports a record as a FHIR R4 Bundle (type `collection`) holding a Patient
/// (with the interview's language as its preferred `communication`, and the
/// interpreter need when answered), a QuestionnaireResponse whose items carry the question ids as linkIds, and
/// a ServiceRequest for the second opinion with the urgency's request-priority.
public enum FHIRExporter {
  /// The NHS number identifier system.
  public static let nhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number"
  /// The extension that says why an item has no answer (asked-unknown, asked-declined).
  public static let dataAbsentReasonURL = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
  /// The standard extension that says whether the patient needs an interpreter.
  public static let interpreterRequiredURL = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"
  /// The code system of BCP 47 language tags (R4 `Patient.communication.language`).
  public static let bcp47System = "urn:ietf:bcp:47"
  /// The English names of the language codes a record may carry, as the
  /// code systems display them; another code is sent without a display.
  public static let languageNames = ["en": "English", "cy": "Welsh"]

  /// A CodeableConcept for the record's language in a code system (BCP 47
  /// for R4; CareConnect-HumanLanguage-1, the same lower-case codes, for STU3).
  public static func languageConcept(_ record: Record, system: String) -> JSONValue {
    var coding: [String: JSONValue] = ["system": .string(system), "code": .string(record.language)]
    var concept: [String: JSONValue] = [:]
    if let name = languageNames[record.language] {
      coding["display"] = .string(name)
      concept["text"] = .string(name)
    }
    concept["coding"] = .array([.object(coding)])
    return .object(concept)
  }

  /// The Bundle for a record. Every string is made inert again
  /// (`TextSanitizer`), so a record edited by hand cannot carry escape
  /// sequences into the export.
  public static func bundle(for record: Record) -> JSONValue {
    rawBundle(for: record).mappingStrings(TextSanitizer.clean)
  }

  private static func rawBundle(for record: Record) -> JSONValue {
    let patientID = uuid(record.id + "/patient")
    let responseID = uuid(record.id + "/questionnaire-response")
    let requestID = uuid(record.id + "/service-request")
    let entries: [JSONValue] = [
      entry(patientID, patient(record)),
      entry(responseID, questionnaireResponse(record, patient: patientID)),
      entry(requestID, serviceRequest(record, patient: patientID, response: responseID)),
    ]
    return .object([
      "resourceType": .string("Bundle"),
      "id": .string(uuid(record.id + "/bundle")),
      "type": .string("collection"),
      "timestamp": .string(record.createdAt),
      "identifier": .object(["system": .string("urn:second-opinion:record"), "value": .string(record.id)]),
      "entry": .array(entries),
    ])
  }

  private static func entry(_ id: String, _ resource: JSONValue) -> JSONValue {
    .object(["fullUrl": .string("urn:uuid:\(id)"), "resource": resource])
  }

  /// FHIR's administrative gender for the answer at `patient.sex`: `female`,
  /// `male`, or `other` (intersex, or described in the patient's words); nil
  /// when it was not answered. Both FHIR versions share the codes.
  public static func administrativeGender(_ record: Record) -> String? {
    switch answered(record, field: "patient.sex") {
    case nil: return nil
    case "female": return "female"
    case "male": return "male"
    default: return "other"
    }
  }

  private static func answered(_ record: Record, field: String) -> String? {
    guard let answer = record.answer(field: field), answer.state == .answered,
      case .string(let value) = answer.value
    else { return nil }
    return value
  }

  private static func patient(_ record: Record) -> JSONValue {
    var patient: [String: JSONValue] = ["resourceType": .string("Patient")]
    if let nhs = answered(record, field: "patient.nhsNumber") {
      patient["identifier"] = .array([.object(["system": .string(nhsNumberSystem), "value": .string(nhs)])])
    }
    if let name = answered(record, field: "patient.name") {
      patient["name"] = .array([.object(["text": .string(name), "use": .string("official")])])
    }
    if let birthDate = answered(record, field: "patient.birthDate") { patient["birthDate"] = .string(birthDate) }
    if let gender = administrativeGender(record) { patient["gender"] = .string(gender) }
    if let phone = answered(record, field: "patient.phone") {
      patient["telecom"] = .array([.object(["system": .string("phone"), "value": .string(phone)])])
    }
    if let postcode = answered(record, field: "patient.postcode") {
      patient["address"] = .array([.object(["postalCode": .string(postcode), "country": .string("GB")])])
    }
    // The language the interview was held in is the one the patient chose:
    // their preferred language. The interpreter need, when it was answered.
    patient["communication"] = .array([
      .object(["language": languageConcept(record, system: bcp47System), "preferred": .bool(true)])
    ])
    if let interpreter = record.interpreterNeeded {
      patient["extension"] = .array([
        .object(["url": .string(interpreterRequiredURL), "valueBoolean": .bool(interpreter)])
      ])
    }
    return .object(patient)
  }

  /// The QuestionnaireResponse items of a record, one per answer, as FHIR R4
  /// and STU3 both read them: valueBoolean, valueInteger, valueDate (a
  /// partial date as `2019-03` or `2019`), valueCoding for choices,
  /// valueString; a data-absent-reason extension for "not sure" and
  /// "prefer not to say"; no answer for a question left blank.
  public static func questionnaireItems(_ record: Record) -> [JSONValue] {
    record.answers.map { answer in
      var item: [String: JSONValue] = ["linkId": .string(answer.questionId), "text": .string(answer.question)]
      var values: [JSONValue] = []
      switch (answer.state, answer.value) {
      case (.answered, .bool(let flag)): values = [.object(["valueBoolean": .bool(flag)])]
      case (.answered, .number(let number)): values = [.object(["valueInteger": .number(number)])]
      case (.answered, .string(let text)) where answer.type == .date: values = [.object(["valueDate": .string(text)])]
      case (.answered, .string(let code)) where answer.type == .singleChoice:
        values = [coding(code, display: answer.display)]
      case (.answered, .list(let codes)):
        let displays = answer.display.components(separatedBy: "; ")
        values = codes.enumerated().map { coding($1, display: $0 < displays.count ? displays[$0] : $1) }
      case (.answered, .string(let text)): values = [.object(["valueString": .string(text)])]
      case (.unknown, _): item["extension"] = dataAbsentReason("asked-unknown")
      case (.declined, _): item["extension"] = dataAbsentReason("asked-declined")
      default: break  // skipped: left blank, so the item has no answer
      }
      if !values.isEmpty { item["answer"] = .array(values) }
      return .object(item)
    }
  }

  private static func questionnaireResponse(_ record: Record, patient: String) -> JSONValue {
    let items = questionnaireItems(record)
    return .object([
      "resourceType": .string("QuestionnaireResponse"),
      "status": .string(record.status == "complete" ? "completed" : "stopped"),
      "subject": .object(["reference": .string("urn:uuid:\(patient)")]),
      "authored": .string(record.createdAt),
      "item": .array(items),
    ])
  }

  /// "Not sure" and "prefer not to say" are not answers: the item carries the
  /// standard data-absent-reason extension instead of a made-up value.
  private static func dataAbsentReason(_ code: String) -> JSONValue {
    .array([.object(["url": .string(dataAbsentReasonURL), "valueCode": .string(code)])])
  }

  private static func coding(_ code: String, display: String) -> JSONValue {
    .object([
      "valueCoding": .object([
        "system": .string("urn:second-opinion:answer"), "code": .string(code), "display": .string(display),
      ])
    ])
  }

  private static func serviceRequest(_ record: Record, patient: String, response: String) -> JSONValue {
    var notes: [JSONValue] = record.triage.reasons.map { .object(["text": .string("Triage: \($0)")]) }
    notes.insert(
      .object([
        "text": .string(
          "Urgency \(record.triage.urgency.rawValue), delay risk \(record.triage.delayRisk.rawValue). The triage supports, and does not replace, a clinician's judgement."
        )
      ]), at: 0)
    // The same one timescale as the letter: the level's time frame, the
    // deadline, and why the priority code differs from the level.
    var timescale: [String] = []
    if record.triage.mapping != nil {
      timescale.append("Timescale: \(LetterModel.urgencyText(record.triage)).")
    }
    if let deadline = record.triage.decisionDeadline { timescale.append("Decision deadline: \(deadline.sentence)") }
    if let mapping = record.triage.mapping { timescale.append(LetterModel.scalesText(mapping)) }
    if !timescale.isEmpty { notes.insert(.object(["text": .string(timescale.joined(separator: " "))]), at: 1) }
    for answer in record.answers where answer.heading == "questions" && answer.state == .answered {
      notes.append(.object(["text": .string("Patient's question for the reviewer: \(answer.display)")]))
    }
    return .object([
      "resourceType": .string("ServiceRequest"),
      "status": .string("active"),
      "intent": .string("proposal"),
      "priority": .string(record.triage.mapping?.fhir ?? "routine"),
      "code": .object(["text": .string("Second opinion")]),
      "reasonCode": .array([.object(["text": .string("Second opinion requested")])]),
      "subject": .object(["reference": .string("urn:uuid:\(patient)")]),
      "authoredOn": .string(record.createdAt),
      "supportingInfo": .array([.object(["reference": .string("urn:uuid:\(response)")])]),
      "note": .array(notes),
    ])
  }

  /// A stable UUID (version 8, name-based by FNV-1a) for a name.
  public static func uuid(_ name: String) -> String {
    func fnv(_ seed: UInt64) -> UInt64 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
      for byte in name.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      return hash
    }
    let high = fnv(1)
    let low = fnv(2)
    var hex = String(high, radix: 16).leftPad(16) + String(low, radix: 16).leftPad(16)
    hex = String(hex.prefix(12)) + "8" + String(hex.dropFirst(13).prefix(3)) + "a" + String(hex.dropFirst(17))
    let c = Array(hex)
    return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-"
      + String(c[20..<32])
  }
}

extension String {
  fileprivate func leftPad(_ length: Int) -> String {
    String(repeating: "0", count: max(0, length - count)) + self
  }
}
