import Foundation
import SecondOpinionCases
import SecondOpinionCore
import SecondOpinionLetters
import SecondOpinionMessage
import SecondOpinionStorage
import SecondOpinionTestSupport
import Testing

/// The Send Document message built from records of the case library: the
/// codes, profiles and references GP Connect Send Document asks for. (The
/// Python tests validate the same messages with the independent
/// fhir.resources STU3 models.)
@Suite("ITK3 Send Document message")
struct ITKMessageTests {
  static func record(_ file: String) throws -> Record {
    let cases = try SeedsDirectory.cases(TestSeeds.folder.path + "/cases")
    let definition = try #require(cases.first { $0.file?.hasSuffix(file) == true })
    return try #require(CaseRunner(seeds: TestSeeds.bundle).run(definition).record)
  }

  static let configuration = MessageConfiguration(
    senderMailbox: "X26ABC1", senderODSCode: "X26", senderName: "Test Surgery", senderPhone: "01632 960000",
    recipient: .mailbox("X26ABC2"))

  static func json(_ data: Data) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func json(_ data: Data, list: Bool) throws -> [Any] {
    try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
  }

  static func resources(_ bundle: [String: Any]) -> [[String: Any]] {
    ((bundle["entry"] as? [[String: Any]]) ?? []).compactMap { $0["resource"] as? [String: Any] }
  }

  static func resource(_ type: String, in bundle: [String: Any]) -> [String: Any]? {
    resources(bundle).first { $0["resourceType"] as? String == type }
  }

  @Test(
    "The QuestionnaireResponse carries the same items as the FHIR export, partial dates included; Patient.gender follows the sex answer"
  )
  func answersAndGenderAsTheExportHasThem() throws {
    var checked = 0
    for (file, gender) in [
      ("162-nhs-scans-held-where-samples-are.yaml", "female"),
      ("163-nhs-confirmed-cancer-mdt-and-samples.yaml", "male"),
      ("160-private-route-reviewer-details-describes-gender.yaml", "other"),
      ("041-hypothyroidism-stable-routine.yaml", nil),
    ] as [(String, String?)] {
      let record = try Self.record(file)
      guard record.answer(field: "patient.nhsNumber")?.state == .answered else { continue }
      let message = try ITKMessage.build(
        record: record, pdf: Data("%PDF-1.5 test".utf8), configuration: Self.configuration,
        generatedAt: "2026-11-25T10:00:00Z")
      let bundle = try Self.json(message.data)
      let document = try #require(Self.resources(bundle).first { $0["resourceType"] as? String == "Bundle" })
      let response = try #require(Self.resource("QuestionnaireResponse", in: document))
      let expected = try Self.json(try JSONValue.array(FHIRExporter.questionnaireItems(record)).encoded(), list: true)
      #expect(NSArray(array: response["item"] as? [Any] ?? []) == NSArray(array: expected), "\(file)")
      #expect(Self.resource("Patient", in: document)?["gender"] as? String == gender, "\(file)")
      checked += 1
    }
    #expect(checked >= 3, "the cases have NHS numbers, so their messages can be built")
  }

  @Test("Message bundle, MessageHeader with the handling extensions, ITK007C, focus on the document")
  func header() throws {
    let record = try Self.record("041-hypothyroidism-stable-routine.yaml")
    let message = try ITKMessage.build(
      record: record, pdf: Data("%PDF-1.5 test".utf8), configuration: Self.configuration,
      generatedAt: "2026-11-25T10:00:00Z")
    let bundle = try Self.json(message.data)
    #expect(bundle["type"] as? String == "message")
    let entries = try #require(bundle["entry"] as? [[String: Any]])
    let header = try #require(entries.first?["resource"] as? [String: Any])
    #expect(header["resourceType"] as? String == "MessageHeader")
    let event = try #require(header["event"] as? [String: Any])
    #expect(event["code"] as? String == "ITK007C")
    #expect(event["system"] as? String == "https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2")
    #expect((header["source"] as? [String: Any])?["endpoint"] as? String == "X26ABC1")
    #expect(header["destination"] == nil && header["receiver"] == nil)
    let handling = try #require((header["extension"] as? [[String: Any]])?.first)
    #expect(handling["url"] as? String == ITKMessage.messageHandlingExtension)
    let parts = Dictionary(
      uniqueKeysWithValues: ((handling["extension"] as? [[String: Any]]) ?? []).map { ($0["url"] as! String, $0) })
    #expect(parts["BusAckRequested"]?["valueBoolean"] as? Bool == true)
    #expect(parts["InfAckRequested"]?["valueBoolean"] as? Bool == true)
    #expect((parts["RecipientType"]?["valueCoding"] as? [String: Any])?["code"] as? String == "FA")
    #expect(
      (parts["MessageDefinition"]?["valueReference"] as? [String: Any])?["reference"] as? String
        == ITKMessage.messageDefinition)
    #expect(parts["LocalExtension"]?["valueString"] as? String == "SendDocument-ConsultationReport")
    #expect(parts["SenderReference"]?["valueString"] is String)
    let focus = try #require((header["focus"] as? [[String: Any]])?.first?["reference"] as? String)
    let document = try #require(Self.resource("Bundle", in: bundle))
    #expect(focus == "urn:uuid:" + (document["id"] as! String))
    #expect(document["type"] as? String == "document")
    let sender = try #require(Self.resource("Organization", in: bundle))
    #expect(
      ((sender["identifier"] as? [[String: Any]])?.first?["value"] as? String) == "X26")
  }

  @Test("Composition: online consultation report, PDF first, QuestionnaireResponse beside it")
  func composition() throws {
    let record = try Self.record("041-hypothyroidism-stable-routine.yaml")
    let pdf = Data("%PDF-1.5 test".utf8)
    let message = try ITKMessage.build(
      record: record, pdf: pdf, configuration: Self.configuration, generatedAt: "2026-11-25T10:00:00Z")
    let document = try #require(Self.resource("Bundle", in: try Self.json(message.data)))
    let resources = Self.resources(document)
    let composition = try #require(resources.first)
    #expect(composition["resourceType"] as? String == "Composition")
    #expect(composition["status"] as? String == "final")
    #expect(composition["title"] as? String == "Online consultation report")
    #expect(composition["confidentiality"] as? String == "N")
    let type = try #require(((composition["type"] as? [String: Any])?["coding"] as? [[String: Any]])?.first)
    #expect(type["code"] as? String == "149951000000107")
    #expect(type["system"] as? String == "http://snomed.info/sct")
    let sections = try #require(composition["section"] as? [[String: Any]])
    let first = try #require((sections.first?["entry"] as? [[String: Any]])?.first?["reference"] as? String)
    let binary = try #require(resources.first { $0["resourceType"] as? String == "Binary" })
    #expect(first == "urn:uuid:" + (binary["id"] as! String))
    #expect(binary["contentType"] as? String == "application/pdf")
    #expect(Data(base64Encoded: binary["content"] as! String) == pdf)
    let second = try #require((sections[1]["entry"] as? [[String: Any]])?.first?["reference"] as? String)
    let response = try #require(resources.first { $0["resourceType"] as? String == "QuestionnaireResponse" })
    #expect(second == "urn:uuid:" + (response["id"] as! String))
    #expect(composition["relatesTo"] == nil)
  }

  @Test("Patient and MESH metadata agree on NHS number, date of birth and surname")
  func patientMatch() throws {
    let record = try Self.record("041-hypothyroidism-stable-routine.yaml")
    var configuration = Self.configuration
    configuration.recipient = .registeredPractice
    let message = try ITKMessage.build(
      record: record, pdf: Data(), configuration: configuration, generatedAt: "2026-11-25T10:00:00Z")
    let document = try #require(Self.resource("Bundle", in: try Self.json(message.data)))
    let patient = try #require(Self.resources(document).first { $0["resourceType"] as? String == "Patient" })
    let nhs = try #require((patient["identifier"] as? [[String: Any]])?.first?["value"] as? String)
    let name = try #require((patient["name"] as? [[String: Any]])?.first)
    let family = try #require(name["family"] as? String)
    let birthDate = try #require(patient["birthDate"] as? String)
    #expect(name["use"] as? String == "official")
    let parts = birthDate.split(separator: "-")
    #expect(message.metadata.to == "GPPROVIDER_\(nhs)_\(parts[2])\(parts[1])\(parts[0])_\(family)")
    #expect(message.metadata.workflowID == "GPFED_CONSULT_REPORT")
    #expect(message.metadata.localID == record.id)
    #expect(message.metadata.subject.hasPrefix("Online consultation report for "))
    #expect(message.metadata.subject.contains("NHS Number \(nhs), Version 1"))
  }

  @Test("A corrected record is version 2 and replaces version 1")
  func replacement() throws {
    let record = try Self.record("041-hypothyroidism-stable-routine.yaml")
    let first = try ITKMessage.build(
      record: record, pdf: Data(), configuration: Self.configuration, generatedAt: "2026-11-25T10:00:00Z")
    let second = try ITKMessage.build(
      record: record, pdf: Data(), configuration: Self.configuration, generatedAt: "2026-11-25T11:00:00Z",
      replaces: .init(compositionIdentifier: first.compositionIdentifier, version: 1))
    #expect(second.version == 2)
    #expect(second.metadata.localID == record.id + ".v2")
    #expect(second.compositionIdentifier != first.compositionIdentifier)
    let document = try #require(Self.resource("Bundle", in: try Self.json(second.data)))
    let composition = try #require(Self.resources(document).first)
    let relates = try #require((composition["relatesTo"] as? [[String: Any]])?.first)
    #expect(relates["code"] as? String == "replaces")
    #expect((relates["targetIdentifier"] as? [String: Any])?["value"] as? String == first.compositionIdentifier)
  }

  @Test("The same inputs give the same bytes")
  func deterministic() throws {
    let record = try Self.record("041-hypothyroidism-stable-routine.yaml")
    let build = {
      try ITKMessage.build(
        record: record, pdf: Data([1, 2, 3]), configuration: Self.configuration, generatedAt: "2026-11-25T10:00:00Z")
    }
    #expect(try build().data == build().data)
  }

  @Test("A record without an NHS number cannot be sent, and says why")
  func unsendable() throws {
    var record = try Self.record("041-hypothyroidism-stable-routine.yaml")
    record.answers.removeAll { $0.field == "patient.nhsNumber" }
    #expect(throws: ITKMessage.Unsendable.self) {
      try ITKMessage.build(
        record: record, pdf: Data(), configuration: Self.configuration, generatedAt: "2026-11-25T10:00:00Z")
    }
  }

  @Test("Encounter priority follows the urgency")
  func priority() {
    #expect(ITKMessage.priority(.emergency).code == "EM")
    #expect(ITKMessage.priority(.urgent).code == "UR")
    #expect(ITKMessage.priority(.routine).code == "R")
  }

  @Test("delivery.json starts pending with the record's urgency")
  func initialState() throws {
    let record = try Self.record("010-suspected-prostate-cancer-surgery.yaml")
    let state = DeliveryState.initial(for: record)
    #expect(state.status == .pending)
    #expect(state.localID == record.id)
    #expect(state.urgency == record.triage.urgency)
    let decoded = try DeliveryState.decode(try state.encoded())
    #expect(decoded == state)
  }

  @Test("The Patient carries the interview's language and the interpreter need as CareConnect's NHSCommunication")
  func communication() throws {
    for (file, language, interpreter) in [
      ("043-hysterectomy-abroad-route-fixed-date.yaml", "cy", true),
      ("010-suspected-prostate-cancer-surgery.yaml", "en", false),
    ] {
      var record = try Self.record(file)
      record.language = language
      let message = try ITKMessage.build(
        record: record, pdf: Data("%PDF-1.5 test".utf8), configuration: Self.configuration,
        generatedAt: "2026-11-25T10:00:00Z")
      let bundle = try Self.json(message.data)
      let document = try #require(Self.resources(bundle).first { $0["resourceType"] as? String == "Bundle" })
      let patient = try #require(Self.resource("Patient", in: document))
      #expect(patient["communication"] == nil, "CareConnect-Patient-1 has no Patient.communication")
      let extensions = try #require(patient["extension"] as? [[String: Any]])
      let nhs = try #require(extensions.first { $0["url"] as? String == ITKMessage.nhsCommunicationExtension })
      let parts = try #require(nhs["extension"] as? [[String: Any]])
      let concept = try #require(
        parts.first { $0["url"] as? String == "language" }?["valueCodeableConcept"] as? [String: Any])
      let coding = try #require((concept["coding"] as? [[String: Any]])?.first)
      #expect(coding["system"] as? String == ITKMessage.humanLanguageSystem)
      #expect(coding["code"] as? String == language)
      #expect(coding["display"] as? String == (language == "cy" ? "Welsh" : "English"))
      #expect(parts.first { $0["url"] as? String == "preferred" }?["valueBoolean"] as? Bool == true)
      #expect(parts.first { $0["url"] as? String == "interpreterRequired" }?["valueBoolean"] as? Bool == interpreter)
    }
  }
}
