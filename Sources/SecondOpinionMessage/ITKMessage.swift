import Foundation
import SecondOpinionCore
import SecondOpinionLetters

/// One record as a GP Connect Send Document message: an ITK3 message bundle
/// (FHIR STU3, JSON) whose MessageHeader points at an ITK document bundle.
/// The document's Composition is an online consultation report whose first
/// section is the PDF letter (an ITK attachment Binary) and whose second is
/// the structured QuestionnaireResponse. A corrected record is sent as a new
/// version whose Composition `relatesTo` replaces the previous one.
///
/// Pure: the record, the PDF bytes and the configuration in; the bytes and
/// the MESH metadata out. Every id is a stable name-based UUID of the record
/// id and version, so the same inputs always give the same bytes.
public struct ITKMessage: Sendable {
  /// The message bundle, encoded (sorted keys, final newline).
  public var data: Data
  /// The MESH metadata to send it with.
  public var metadata: MESHMetadata
  /// The message bundle's identifier (a UUID), which ITK3 responses quote.
  public var bundleIdentifier: String
  /// The MessageHeader id.
  public var messageHeaderID: String
  /// The Composition's identifier (a UUID): what a replacement `relatesTo`.
  public var compositionIdentifier: String
  /// The version (1 for the original report).
  public var version: Int

  /// The previous version a replacement replaces.
  public struct Replaces: Sendable, Equatable, Codable {
    /// The previous Composition's identifier.
    public var compositionIdentifier: String
    /// The previous version number.
    public var version: Int
    public init(compositionIdentifier: String, version: Int) {
      self.compositionIdentifier = compositionIdentifier
      self.version = version
    }
  }

  /// Why a record cannot be sent as this message: a reason a person can act on.
  public struct Unsendable: Error, Equatable, CustomStringConvertible {
    public var description: String
  }

  // Codes and profiles from the GP Connect Send Document and ITK3 specifications.
  public static let messageBundleProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Message-Bundle-1"
  public static let messageHeaderProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-MessageHeader-2"
  public static let documentBundleProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Document-Bundle-1"
  public static let headerOrganizationProfile =
    "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-ITK-Header-Organization-1"
  public static let attachmentProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Attachment-Binary-1"
  public static let deviceProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/ITK-Device-1"
  public static let careConnect = "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-"
  public static let messageHandlingExtension =
    "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-ITK-MessageHandling-2"
  public static let messageDefinition =
    "https://fhir.nhs.uk/STU3/MessageDefinition/ITK-GPConnectSendDocument-MessageDefinition-1"
  public static let recipientTypeSystem = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-RecipientType-1"
  public static let messageEventSystem = "https://fhir.nhs.uk/STU3/CodeSystem/ITK-MessageEvent-2"
  /// ITK007C: ITK GP Connect Send Document.
  public static let sendDocumentEvent = "ITK007C"
  /// The handling specification's LocalExtension for this use case.
  public static let localExtension = "SendDocument-ConsultationReport"
  public static let snomed = "http://snomed.info/sct"
  /// Patient information received using general practice online consultation system (finding).
  public static let onlineConsultationDocumentType = "149951000000107"
  /// Encounter using general practice online consultation system (procedure).
  public static let onlineConsultationEncounterType = "149971000000103"
  /// Composition.title for an online consultation report.
  public static let compositionTitle = "Online consultation report"
  public static let odsSystem = "https://fhir.nhs.uk/Id/ods-organization-code"
  public static let uuidSystem = "https://tools.ietf.org/html/rfc4122"
  public static let actPrioritySystem = "http://hl7.org/fhir/v3/ActPriority"
  /// CareConnect's Patient carries language as this extension (its profile
  /// leaves out `Patient.communication`): language, preferred, interpreterRequired.
  public static let nhsCommunicationExtension =
    "https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-NHSCommunication-1"
  public static let humanLanguageSystem = "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1"

  /// Builds the message for a record.
  /// - Parameters:
  ///   - record: the completed record.
  ///   - pdf: the PDF letter of the record.
  ///   - configuration: the sending practice and MESH settings.
  ///   - generatedAt: when the message is made (ISO 8601), for `timestamp` and `Composition.date`.
  ///   - replaces: the version this one replaces, for a corrected record.
  /// - Throws: `Unsendable` when the record lacks what MESH routing and the
  ///   patient match need (NHS number, date of birth, surname).
  public static func build(
    record: Record, pdf: Data, configuration: MessageConfiguration, generatedAt: String,
    replaces: Replaces? = nil
  ) throws -> ITKMessage {
    let patient = try PatientDetails(record)
    let version = (replaces?.version ?? 0) + 1
    let name = { (part: String) in FHIRExporter.uuid("\(record.id)/itk/v\(version)/\(part)") }
    let ids = (
      bundle: name("message-bundle"), bundleIdentifier: name("message-identifier"), header: name("message-header"),
      headerOrganization: name("header-organization"), document: name("document-bundle"),
      documentIdentifier: name("document-identifier"), composition: name("composition"),
      compositionIdentifier: name("composition-identifier"), binary: name("pdf"), patient: name("patient"),
      organization: name("organization"), device: name("device"), encounter: name("encounter"),
      response: name("questionnaire-response")
    )
    let subject = "\(compositionTitle) for \(patient.fullName), NHS Number \(patient.nhsNumber), Version \(version)"
    let urn = { (id: String) -> JSONValue in .object(["reference": .string("urn:uuid:\(id)")]) }

    var composition: [String: JSONValue] = [
      "resourceType": "Composition", "id": .string(ids.composition),
      "meta": meta(careConnect + "Composition-1"),
      "identifier": .object(["system": .string(uuidSystem), "value": .string(ids.compositionIdentifier)]),
      "status": "final",
      "type": .object([
        "coding": .array([
          .object([
            "system": .string(snomed), "code": .string(onlineConsultationDocumentType),
            "display": "Patient information received using general practice online consultation system",
          ])
        ])
      ]),
      "date": .string(generatedAt),
      "confidentiality": "N",
      "title": .string(compositionTitle),
      "text": .object([
        "status": "generated",
        "div": .string("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>\(xhtml(subject))</p></div>"),
      ]),
      "subject": urn(ids.patient),
      "encounter": urn(ids.encounter),
      "author": .array([urn(ids.device)]),
      "custodian": urn(ids.organization),
      "section": .array([
        .object(["title": .string(compositionTitle), "entry": .array([urn(ids.binary)])]),
        .object(["title": "Questionnaire Response", "entry": .array([urn(ids.response)])]),
      ]),
    ]
    if record.mode == .patient {
      composition["author"] = .array([urn(ids.patient), urn(ids.device)])
    }
    if let replaces {
      composition["relatesTo"] = .array([
        .object([
          "code": "replaces",
          "targetIdentifier": .object([
            "system": .string(uuidSystem), "value": .string(replaces.compositionIdentifier),
          ]),
        ])
      ])
    }

    let document: JSONValue = .object([
      "resourceType": "Bundle", "id": .string(ids.document),
      "meta": meta(documentBundleProfile),
      "identifier": .object(["system": .string(uuidSystem), "value": .string(ids.documentIdentifier)]),
      "type": "document",
      "entry": .array([
        entry(ids.composition, .object(composition)),
        entry(
          ids.binary,
          .object([
            "resourceType": "Binary", "id": .string(ids.binary), "meta": meta(attachmentProfile),
            "contentType": "application/pdf", "content": .string(pdf.base64EncodedString()),
          ])),
        entry(ids.patient, patient.resource(id: ids.patient)),
        entry(ids.organization, organization(ids.organization, configuration, profile: careConnect + "Organization-1")),
        entry(ids.device, device(ids.device, organization: ids.organization)),
        entry(ids.encounter, encounter(ids.encounter, record: record, patient: ids.patient, org: ids.organization)),
        entry(ids.response, questionnaireResponse(ids.response, record: record, patient: ids.patient, name: patient)),
      ]),
    ])

    let header: JSONValue = .object([
      "resourceType": "MessageHeader", "id": .string(ids.header),
      "meta": meta(messageHeaderProfile),
      "extension": .array([
        .object([
          "url": .string(messageHandlingExtension),
          "extension": .array([
            .object(["url": "BusAckRequested", "valueBoolean": .bool(true)]),
            .object(["url": "InfAckRequested", "valueBoolean": .bool(true)]),
            .object([
              "url": "RecipientType",
              "valueCoding": .object([
                "system": .string(recipientTypeSystem), "code": "FA", "display": "For Action",
              ]),
            ]),
            .object(["url": "MessageDefinition", "valueReference": .object(["reference": .string(messageDefinition)])]),
            .object(["url": "SenderReference", "valueString": .string(ids.encounter)]),
            .object(["url": "LocalExtension", "valueString": .string(localExtension)]),
          ]),
        ])
      ]),
      "event": .object([
        "system": .string(messageEventSystem), "code": .string(sendDocumentEvent),
        "display": "ITK GP Connect Send Document",
      ]),
      "sender": urn(ids.headerOrganization),
      "timestamp": .string(generatedAt),
      "source": .object(["endpoint": .string(configuration.senderMailbox)]),
      "focus": .array([urn(ids.document)]),
    ])

    let bundle: JSONValue = .object([
      "resourceType": "Bundle", "id": .string(ids.bundle),
      "meta": meta(messageBundleProfile),
      "identifier": .object(["system": .string(uuidSystem), "value": .string(ids.bundleIdentifier)]),
      "type": "message",
      "entry": .array([
        entry(ids.header, header),
        entry(
          ids.headerOrganization,
          organization(ids.headerOrganization, configuration, profile: headerOrganizationProfile)),
        entry(ids.document, document),
      ]),
    ])

    let to: String
    switch configuration.recipient {
    case .mailbox(let mailbox): to = mailbox
    case .registeredPractice: to = patient.routingAddress
    }
    let localID = version == 1 ? record.id : "\(record.id).v\(version)"
    let metadata = MESHMetadata(
      from: configuration.senderMailbox, to: to, workflowID: configuration.workflowID, subject: subject,
      localID: localID, fileName: "\(localID).json", contentType: "application/fhir+json")
    return ITKMessage(
      data: try bundle.mappingStrings(TextSanitizer.clean).encoded(), metadata: metadata,
      bundleIdentifier: ids.bundleIdentifier, messageHeaderID: ids.header,
      compositionIdentifier: ids.compositionIdentifier, version: version)
  }

  // MARK: - Resources

  private static func meta(_ profile: String) -> JSONValue {
    .object(["profile": .array([.string(profile)])])
  }

  private static func entry(_ id: String, _ resource: JSONValue) -> JSONValue {
    .object(["fullUrl": .string("urn:uuid:\(id)"), "resource": resource])
  }

  private static func organization(_ id: String, _ configuration: MessageConfiguration, profile: String) -> JSONValue {
    var organization: [String: JSONValue] = [
      "resourceType": "Organization", "id": .string(id), "meta": meta(profile),
      "identifier": .array([.object(["system": .string(odsSystem), "value": .string(configuration.senderODSCode)])]),
      "name": .string(configuration.senderName),
    ]
    if let phone = configuration.senderPhone, !phone.isEmpty {
      organization["telecom"] = .array([.object(["system": "phone", "value": .string(phone)])])
    }
    return .object(organization)
  }

  private static func device(_ id: String, organization: String) -> JSONValue {
    .object([
      "resourceType": "Device", "id": .string(id), "meta": meta(deviceProfile),
      "type": .object([
        "coding": .array([
          .object(["system": .string(snomed), "code": "706689003", "display": "Application program software"])
        ])
      ]),
      "manufacturer": "second-opinion",
      "model": "second-opinion intake assistant",
      "owner": .object(["reference": .string("urn:uuid:\(organization)")]),
    ])
  }

  /// The encounter's priority from the triage (v3 ActPriority): emergency EM,
  /// urgent UR, soon A (as soon as possible), routine R.
  public static func priority(_ urgency: Urgency) -> (code: String, display: String) {
    switch urgency {
    case .emergency: return ("EM", "emergency")
    case .urgent: return ("UR", "urgent")
    case .soon: return ("A", "ASAP")
    case .routine: return ("R", "routine")
    }
  }

  private static func encounter(_ id: String, record: Record, patient: String, org: String) -> JSONValue {
    let priority = priority(record.triage.urgency)
    return .object([
      "resourceType": "Encounter", "id": .string(id), "meta": meta(careConnect + "Encounter-1"),
      "identifier": .array([.object(["system": .string(uuidSystem), "value": .string(id)])]),
      "status": "finished",
      "type": .array([
        .object([
          "coding": .array([
            .object([
              "system": .string(snomed), "code": .string(onlineConsultationEncounterType),
              "display": "Encounter using general practice online consultation system",
            ])
          ])
        ])
      ]),
      "priority": .object([
        "coding": .array([
          .object([
            "system": .string(actPrioritySystem), "code": .string(priority.code), "display": .string(priority.display),
          ])
        ])
      ]),
      "subject": .object(["reference": .string("urn:uuid:\(patient)")]),
      "period": .object(["start": .string(record.createdAt), "end": .string(record.createdAt)]),
      "serviceProvider": .object(["reference": .string("urn:uuid:\(org)")]),
    ])
  }

  private static func questionnaireResponse(
    _ id: String, record: Record, patient: String, name: PatientDetails
  ) -> JSONValue {
    let items = FHIRExporter.questionnaireItems(record)
    return .object([
      "resourceType": "QuestionnaireResponse", "id": .string(id),
      "meta": meta(careConnect + "QuestionnaireResponse-1"),
      "identifier": .object(["system": "urn:second-opinion:record", "value": .string(record.id)]),
      "status": .string(record.status == "complete" ? "completed" : "stopped"),
      "subject": .object(["reference": .string("urn:uuid:\(patient)"), "display": .string(name.fullName)]),
      "authored": .string(record.createdAt),
      "item": .array(items),
    ])
  }

  /// Text made safe inside the XHTML narrative.
  static func xhtml(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}

/// The patient details the message and the MESH routing address need.
public struct PatientDetails: Sendable, Equatable {
  public var fullName: String
  public var given: [String]
  public var surname: String
  public var nhsNumber: String
  /// YYYY-MM-DD.
  public var birthDate: String
  public var phone: String?
  public var postcode: String?
  /// FHIR administrative gender, when the patient gave their sex.
  public var gender: String?
  /// The language of the interview and the interpreter need, as the
  /// CareConnect NHSCommunication extension.
  public var communication: JSONValue

  /// The details of a record's patient, or the reason it cannot be sent.
  public init(_ record: Record) throws {
    func answered(_ field: String) -> String? {
      guard let answer = record.answer(field: field), answer.state == .answered,
        case .string(let value) = answer.value, !value.isEmpty
      else { return nil }
      return value
    }
    guard let nhs = answered("patient.nhsNumber") else {
      throw ITKMessage.Unsendable(
        description:
          "the record has no NHS number, which GP Connect Send Document needs to match the patient: trace it (PDS) and resend"
      )
    }
    guard let birthDate = answered("patient.birthDate"), birthDate.count == 10 else {
      throw ITKMessage.Unsendable(
        description: "the record has no date of birth, which MESH routing and the patient match need")
    }
    guard let name = answered("patient.name") else {
      throw ITKMessage.Unsendable(description: "the record has no patient name, so there is no surname to match on")
    }
    let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    fullName = parts.joined(separator: " ")
    surname = parts.last ?? fullName
    given = Array(parts.dropLast())
    nhsNumber = nhs.filter(\.isNumber)
    self.birthDate = birthDate
    phone = answered("patient.phone")
    postcode = answered("patient.postcode")
    gender = FHIRExporter.administrativeGender(record)
    var language: [JSONValue] = [
      .object([
        "url": "language",
        "valueCodeableConcept": FHIRExporter.languageConcept(record, system: ITKMessage.humanLanguageSystem),
      ]),
      .object(["url": "preferred", "valueBoolean": .bool(true)]),
    ]
    if let interpreter = record.interpreterNeeded {
      language.append(.object(["url": "interpreterRequired", "valueBoolean": .bool(interpreter)]))
    }
    communication = .object(["url": .string(ITKMessage.nhsCommunicationExtension), "extension": .array(language)])
  }

  /// `GPPROVIDER_{NHS number}_{DDMMYYYY}_{Surname}`: MESH automated routing to
  /// the patient's registered practice.
  public var routingAddress: String {
    let date = birthDate.split(separator: "-")
    let ddmmyyyy = date.count == 3 ? "\(date[2])\(date[1])\(date[0])" : birthDate
    return "GPPROVIDER_\(nhsNumber)_\(ddmmyyyy)_\(surname)"
  }

  func resource(id: String) -> JSONValue {
    var name: [String: JSONValue] = [
      "use": "official", "family": .string(surname), "text": .string(fullName),
    ]
    if !given.isEmpty { name["given"] = .array(given.map { .string($0) }) }
    var patient: [String: JSONValue] = [
      "resourceType": "Patient", "id": .string(id),
      "meta": .object(["profile": .array([.string(ITKMessage.careConnect + "Patient-1")])]),
      "identifier": .array([.object(["system": .string(FHIRExporter.nhsNumberSystem), "value": .string(nhsNumber)])]),
      "name": .array([.object(name)]),
      "birthDate": .string(birthDate),
    ]
    if let phone { patient["telecom"] = .array([.object(["system": "phone", "value": .string(phone)])]) }
    if let postcode { patient["address"] = .array([.object(["postalCode": .string(postcode)])]) }
    if let gender { patient["gender"] = .string(gender) }
    patient["extension"] = .array([communication])
    return .object(patient)
  }
}

extension JSONValue: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .string(value) }
}
