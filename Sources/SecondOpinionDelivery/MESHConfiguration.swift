import Foundation
import SecondOpinionCore
import SecondOpinionMessage
import Yams

/// Where and how to deliver over MESH. Read from a YAML file
/// (`$SECOND_OPINION_MESH_CONFIG`, else `/etc/second-opinion/mesh.yaml`) and
/// the environment (`SECOND_OPINION_MESH_*`, which win over the file). Never
/// from the record and never from the command line. Secrets (password,
/// shared key) may be given inline, in a file named by `*_file`, or in the
/// environment; they are never printed: errors name the setting, not its value.
public struct MESHConfiguration: Sendable, CustomStringConvertible {
  /// The MESH API base, e.g. `https://msg.int.spine2.ncrs.nhs.uk` or `https://127.0.0.1:8700`.
  public var endpoint: String
  /// This practice's MESH mailbox id.
  public var mailbox: String
  /// The mailbox password (secret).
  public var password: String
  /// The environment's shared HMAC key (secret).
  public var sharedKey: String
  /// PEM client certificate (chain), key, and the CA that signed the server.
  public var clientCertificate: String
  public var clientKey: String
  public var caCertificate: String
  /// Check the server's name against its certificate (on by default).
  public var verifyHostname: Bool
  /// `mex-To`: a mailbox id, or `GPPROVIDER` for automated routing to the patient's registered practice.
  public var recipient: String
  /// The sending organisation.
  public var senderODSCode: String
  public var senderName: String
  public var senderPhone: String?
  /// The MESH workflow id (`GPFED_CONSULT_REPORT`).
  public var workflowID: String
  /// The workflow ITK3 responses come back on.
  public var acknowledgementWorkflowID: String
  /// Messages larger than this are sent in chunks (bytes).
  public var chunkSize: Int
  /// Per-request time-out, seconds.
  public var timeoutSeconds: Double
  /// Back-off after a failed attempt: base and cap, seconds.
  public var retryBaseSeconds: Double
  public var retryMaxSeconds: Double
  /// A command run at once for an emergency or urgent record, with the record
  /// id and urgency as arguments (and `SECOND_OPINION_RECORD_ID`,
  /// `SECOND_OPINION_URGENCY` in its environment). No patient data.
  public var notifyCommand: [String]?

  /// The default file.
  public static let defaultPath = "/etc/second-opinion/mesh.yaml"
  /// The environment variable naming another file.
  public static let pathVariable = "SECOND_OPINION_MESH_CONFIG"

  /// A setting that is missing or wrong. The message names the setting only.
  public struct Problem: Error, CustomStringConvertible {
    public var description: String
  }

  /// Without secrets: for logs.
  public var description: String {
    "MESH mailbox \(mailbox) at \(endpoint), recipient \(recipient), workflow \(workflowID)"
  }

  /// What the message builder needs.
  public var message: MessageConfiguration {
    MessageConfiguration(
      senderMailbox: mailbox, senderODSCode: senderODSCode, senderName: senderName, senderPhone: senderPhone,
      recipient: recipient.uppercased() == "GPPROVIDER" ? .registeredPractice : .mailbox(recipient),
      workflowID: workflowID)
  }

  /// Settings in the file, by key (snake case), and the environment variable for each.
  static let keys: [(key: String, variable: String)] = [
    ("endpoint", "SECOND_OPINION_MESH_ENDPOINT"),
    ("mailbox", "SECOND_OPINION_MESH_MAILBOX"),
    ("password", "SECOND_OPINION_MESH_PASSWORD"),
    ("password_file", "SECOND_OPINION_MESH_PASSWORD_FILE"),
    ("shared_key", "SECOND_OPINION_MESH_SHARED_KEY"),
    ("shared_key_file", "SECOND_OPINION_MESH_SHARED_KEY_FILE"),
    ("client_certificate", "SECOND_OPINION_MESH_CLIENT_CERT"),
    ("client_key", "SECOND_OPINION_MESH_CLIENT_KEY"),
    ("ca_certificate", "SECOND_OPINION_MESH_CA_CERT"),
    ("verify_hostname", "SECOND_OPINION_MESH_VERIFY_HOSTNAME"),
    ("recipient", "SECOND_OPINION_MESH_RECIPIENT"),
    ("sender_ods_code", "SECOND_OPINION_MESH_ODS_CODE"),
    ("sender_name", "SECOND_OPINION_MESH_SENDER_NAME"),
    ("sender_phone", "SECOND_OPINION_MESH_SENDER_PHONE"),
    ("workflow_id", "SECOND_OPINION_MESH_WORKFLOW_ID"),
    ("ack_workflow_id", "SECOND_OPINION_MESH_ACK_WORKFLOW_ID"),
    ("chunk_size", "SECOND_OPINION_MESH_CHUNK_SIZE"),
    ("timeout_seconds", "SECOND_OPINION_MESH_TIMEOUT"),
    ("retry_base_seconds", "SECOND_OPINION_MESH_RETRY_BASE"),
    ("retry_max_seconds", "SECOND_OPINION_MESH_RETRY_MAX"),
    ("notify_command", "SECOND_OPINION_NOTIFY_COMMAND"),
  ]

  /// Loads the configuration from the file and the environment.
  public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> MESHConfiguration
  {
    let path = environment[pathVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultPath
    var values: [String: String] = [:]
    var notify: [String]?
    if FileManager.default.fileExists(atPath: path) {
      guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
      else { throw Problem(description: "cannot read the MESH configuration file \(path)") }
      try checkOwnerOnly(path, what: "the MESH configuration file \(path)", text: text)
      let node: Node?
      do {
        node = try Yams.compose(yaml: text)
      } catch {
        throw Problem(description: "the MESH configuration file \(path) is not valid YAML")
      }
      if let mapping = node?.mapping {
        for (keyNode, valueNode) in mapping {
          guard let key = keyNode.string else { continue }
          guard keys.contains(where: { $0.key == key }) else {
            throw Problem(description: "the MESH configuration file \(path) has an unknown setting `\(key)`")
          }
          if key == "notify_command", let sequence = valueNode.sequence {
            notify = sequence.compactMap(\.string)
          } else if let scalar = valueNode.scalar {
            values[key] = scalar.string
          } else {
            throw Problem(description: "the setting `\(key)` in \(path) must be a single value")
          }
        }
      } else if node != nil {
        throw Problem(description: "the MESH configuration file \(path) must be a mapping of settings")
      }
    } else if environment[pathVariable] != nil {
      throw Problem(description: "the MESH configuration file \(path) (from $\(pathVariable)) does not exist")
    }
    for (key, variable) in keys {
      if let value = environment[variable], !value.isEmpty { values[key] = value }
    }
    if let command = environment["SECOND_OPINION_NOTIFY_COMMAND"], !command.isEmpty {
      notify = command.split(separator: " ").map(String.init)
    } else if notify == nil, let command = values["notify_command"] {
      notify = command.split(separator: " ").map(String.init)
    }

    func required(_ key: String) throws -> String {
      guard let value = values[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
        let variable = keys.first { $0.key == key }?.variable ?? ""
        throw Problem(description: "the MESH setting `\(key)` is missing (set it in \(path) or $\(variable))")
      }
      return value
    }
    func secret(_ key: String) throws -> String {
      if let file = values[key + "_file"], !file.isEmpty {
        guard let data = FileManager.default.contents(atPath: file),
          let text = String(data: data, encoding: .utf8)
        else { throw Problem(description: "cannot read the file named by the MESH setting `\(key)_file`") }
        try checkOwnerOnly(file, what: "the file named by `\(key)_file`", text: text)
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw Problem(description: "the file named by `\(key)_file` is empty") }
        return value
      }
      return try required(key)
    }
    func number(_ key: String, _ fallback: Double) throws -> Double {
      guard let text = values[key] else { return fallback }
      guard let value = Double(text), value > 0 else {
        throw Problem(description: "the MESH setting `\(key)` must be a positive number")
      }
      return value
    }
    func file(_ key: String) throws -> String {
      let value = try required(key)
      guard FileManager.default.isReadableFile(atPath: value) else {
        throw Problem(description: "the file named by the MESH setting `\(key)` cannot be read")
      }
      return value
    }

    let endpoint = try required("endpoint")
    guard endpoint.hasPrefix("https://") else {
      throw Problem(description: "the MESH setting `endpoint` must be an https:// address (MESH needs mutual TLS)")
    }
    let chunk = try number("chunk_size", 20 * 1024 * 1024)
    let configuration = MESHConfiguration(
      endpoint: endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint,
      mailbox: try required("mailbox").uppercased(),
      password: try secret("password"),
      sharedKey: try secret("shared_key"),
      clientCertificate: try file("client_certificate"),
      clientKey: try file("client_key"),
      caCertificate: try file("ca_certificate"),
      verifyHostname: !["false", "no", "0", "off"].contains((values["verify_hostname"] ?? "true").lowercased()),
      recipient: try required("recipient"),
      senderODSCode: try required("sender_ods_code"),
      senderName: try required("sender_name"),
      senderPhone: values["sender_phone"],
      workflowID: values["workflow_id"] ?? MessageConfiguration.consultationReportWorkflow,
      acknowledgementWorkflowID: values["ack_workflow_id"] ?? MessageConfiguration.acknowledgementWorkflow,
      chunkSize: max(1024, Int(chunk)),
      timeoutSeconds: try number("timeout_seconds", 30),
      retryBaseSeconds: try number("retry_base_seconds", 5),
      retryMaxSeconds: try number("retry_max_seconds", 900),
      notifyCommand: notify?.isEmpty == true ? nil : notify)
    return configuration
  }

  /// Only the notification command, for commands that do not send (no MESH settings needed).
  public static func notifyCommand(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String]? {
    if let command = environment["SECOND_OPINION_NOTIFY_COMMAND"], !command.isEmpty {
      return command.split(separator: " ").map(String.init)
    }
    return (try? load(environment: environment))?.notifyCommand
  }

  /// A file holding a secret must not be readable by group or others.
  private static func checkOwnerOnly(_ path: String, what: String, text: String) throws {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
    else { return }
    let holdsSecret = text.contains("password") || text.contains("shared_key") || !text.contains(":")
    if holdsSecret, mode & 0o077 != 0 {
      throw Problem(description: "\(what) holds a secret but is readable by others: chmod 600 it")
    }
  }
}
