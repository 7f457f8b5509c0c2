/// What the message needs to know about the sending practice and MESH. Taken
/// from the delivery configuration, never from the record.
public struct MessageConfiguration: Sendable, Equatable {
  /// How the recipient is named in `mex-To`.
  public enum Recipient: Sendable, Equatable {
    /// A fixed MESH mailbox (a group's hub, a test mailbox).
    case mailbox(String)
    /// MESH automated routing to the patient's registered practice, by NHS
    /// number, date of birth and surname (`GPPROVIDER_NHS_DDMMYYYY_Surname`).
    case registeredPractice
  }

  /// The sender's MESH mailbox (`mex-From`, `MessageHeader.source.endpoint`).
  public var senderMailbox: String
  /// The sending organisation's ODS code.
  public var senderODSCode: String
  /// The sending organisation's name.
  public var senderName: String
  /// The sending organisation's telephone number, if configured.
  public var senderPhone: String?
  /// Where the message goes.
  public var recipient: Recipient
  /// The MESH workflow id.
  public var workflowID: String

  /// The Send Document workflow for consultation reports.
  public static let consultationReportWorkflow = "GPFED_CONSULT_REPORT"
  /// The workflow the practice answers on (ITK3 responses).
  public static let acknowledgementWorkflow = "GPFED_CONSULT_REPORT_ACK"

  public init(
    senderMailbox: String, senderODSCode: String, senderName: String, senderPhone: String? = nil,
    recipient: Recipient, workflowID: String = MessageConfiguration.consultationReportWorkflow
  ) {
    self.senderMailbox = senderMailbox
    self.senderODSCode = senderODSCode
    self.senderName = senderName
    self.senderPhone = senderPhone
    self.recipient = recipient
    self.workflowID = workflowID
  }
}

/// The MESH metadata of one message, sent as `mex-*` headers.
public struct MESHMetadata: Sendable, Equatable {
  /// `mex-From`.
  public var from: String
  /// `mex-To`: a mailbox, or the automated-routing address.
  public var to: String
  /// `mex-WorkflowID`.
  public var workflowID: String
  /// `mex-Subject`.
  public var subject: String
  /// `mex-LocalID`: the record id (with `.vN` for a replacement).
  public var localID: String
  /// `mex-FileName`.
  public var fileName: String
  /// `mex-Content-Type`.
  public var contentType: String
}
