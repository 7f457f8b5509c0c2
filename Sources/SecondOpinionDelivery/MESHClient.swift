import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import SecondOpinionCore
import SecondOpinionMessage

/// What went wrong talking to MESH, sorted by what to do about it.
public enum MESHError: Error, CustomStringConvertible, Sendable {
  /// Try again later: MESH down or slow, a 5xx, a 429, a time-out, a reset.
  case transient(String)
  /// A setting is wrong (credentials, certificates, endpoint): nothing will
  /// get through until a person fixes it. Records stay pending.
  case configuration(String)
  /// This message was refused for good (e.g. unknown recipient): the record fails with the reason.
  case rejected(String)

  public var description: String {
    switch self {
    case .transient(let text), .configuration(let text), .rejected(let text): return text
    }
  }

  /// A time-out or a cut connection after the request was sent: MESH may
  /// still take the message, so tracking is asked only after a settling wait.
  public var mayHaveArrived: Bool {
    guard case .transient(let text) = self else { return false }
    return text.hasPrefix("MESH did not answer in time") || text.contains("remoteConnectionClosed")
      || text.contains("connection reset")
  }
}

/// One message in the inbox, downloaded whole.
public struct MESHInboxMessage: Sendable {
  public var messageID: String
  public var workflowID: String?
  public var localID: String?
  public var from: String?
  public var subject: String?
  public var data: Data
}

/// What MESH's tracking says about a local id.
public struct MESHTracking: Sendable, Equatable {
  public var messageID: String
  /// `uploading`, `accepted`, `acknowledged`, `undeliverable`, `error`, ...
  public var status: String
}

/// A client of the MESH API (v2 where it has one) over mutual TLS with the
/// `NHSMESH` HMAC-SHA256 authorisation header: handshake, send (in chunks
/// when large), tracking by local id, and the inbox (list, download,
/// acknowledge).
public final class MESHClient: Sendable {
  let configuration: MESHConfiguration
  let http: HTTPClient
  let tls: TLSConfiguration
  let timeout: TimeAmount

  static let v2 = "application/vnd.mesh.v2+json"
  static let clientVersion = "second-opinion-1.0"

  /// Connects nothing yet; loads the certificates and key.
  public init(configuration: MESHConfiguration) throws {
    self.configuration = configuration
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.minimumTLSVersion = .tlsv12
    do {
      tls.certificateChain = try NIOSSLCertificate.fromPEMFile(configuration.clientCertificate).map { .certificate($0) }
    } catch {
      throw MESHError.configuration("the file named by the MESH setting `client_certificate` is not a PEM certificate")
    }
    do {
      tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: configuration.clientKey, format: .pem))
    } catch {
      throw MESHError.configuration(
        "the file named by the MESH setting `client_key` is not a PEM private key (or needs a passphrase)")
    }
    do {
      let roots = try NIOSSLCertificate.fromPEMFile(configuration.caCertificate)
      guard !roots.isEmpty else { throw MESHError.configuration("") }
      tls.trustRoots = .certificates(roots)
    } catch {
      throw MESHError.configuration("the file named by the MESH setting `ca_certificate` is not a PEM certificate")
    }
    tls.certificateVerification = configuration.verifyHostname ? .fullVerification : .noHostnameVerification
    self.tls = tls
    timeout = .milliseconds(Int64(configuration.timeoutSeconds * 1000))
    var httpConfiguration = HTTPClient.Configuration(
      tlsConfiguration: tls, redirectConfiguration: .disallow,
      timeout: .init(connect: .seconds(10), read: timeout))
    httpConfiguration.httpVersion = .http1Only
    http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: httpConfiguration)
  }

  /// Closes the connections. Call once, when done.
  public func shutdown() async {
    try? await http.shutdown()
  }

  // MARK: - Authorisation

  /// `NHSMESH mailbox:nonce:nonce_count:timestamp:hmac`, where hmac is
  /// HMAC-SHA256 under the shared key of `mailbox:nonce:nonce_count:password:timestamp`
  /// and the timestamp is `yyyyMMddHHmm` in UTC.
  public static func authorisation(
    mailbox: String, password: String, sharedKey: String, nonce: String, count: Int, timestamp: String
  ) -> String {
    let message = "\(mailbox):\(nonce):\(count):\(password):\(timestamp)"
    let code = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(sharedKey.utf8)))
    let hex = code.map { String(format: "%02x", $0) }.joined()
    return "NHSMESH \(mailbox):\(nonce):\(count):\(timestamp):\(hex)"
  }

  static func timestamp(_ date: Date = Date()) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(format: "%04d%02d%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
  }

  // MARK: - Requests

  struct Response {
    var status: Int
    var headers: HTTPHeaders
    var body: Data
  }

  private func request(
    _ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: Data? = nil,
    accept: String = MESHClient.v2
  ) async throws -> Response {
    var request = HTTPClientRequest(url: configuration.endpoint + "/messageexchange/" + path)
    request.method = method
    request.headers.add(
      name: "Authorization",
      value: Self.authorisation(
        mailbox: configuration.mailbox, password: configuration.password, sharedKey: configuration.sharedKey,
        nonce: UUID().uuidString, count: 0, timestamp: Self.timestamp()))
    request.headers.add(name: "Accept", value: accept)
    request.headers.add(name: "User-Agent", value: Self.clientVersion)
    request.headers.add(name: "mex-ClientVersion", value: Self.clientVersion)
    request.headers.add(name: "mex-OSName", value: "Linux")
    request.headers.add(name: "mex-OSVersion", value: ProcessInfo.processInfo.operatingSystemVersionString)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body {
      request.body = .bytes(ByteBuffer(bytes: body))
    }
    do {
      let response = try await http.execute(request, timeout: timeout)
      var collected = try await response.body.collect(upTo: 200 * 1024 * 1024)
      let bytes = collected.readBytes(length: collected.readableBytes) ?? []
      return Response(status: Int(response.status.code), headers: response.headers, body: Data(bytes))
    } catch let error as MESHError {
      throw error
    } catch {
      throw Self.classify(error)
    }
  }

  /// Sorts a transport error into transient or configuration.
  static func classify(_ error: Error) -> MESHError {
    let text = String(describing: error)
    if error is NIOSSLError || text.contains("handshake") || text.contains("CERTIFICATE")
      || text.contains("certificate") || text.contains("SSL") || text.contains("TLS")
    {
      if text.contains("unexpectedEOF") || text.contains("uncleanShutdown") {
        return .transient("the connection to the MESH endpoint was cut during TLS; will retry")
      }
      return .configuration(
        "the TLS handshake with the MESH endpoint failed: check the MESH settings `client_certificate`, `client_key`, `ca_certificate` and `endpoint`"
      )
    }
    if let client = error as? HTTPClientError,
      client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout
    {
      return .transient("MESH did not answer in time; will retry")
    }
    if text.contains("connectTimeout") || text.contains("Timeout") || text.contains("deadline") {
      return .transient("MESH did not answer in time; will retry")
    }
    return .transient("the MESH endpoint could not be reached (\(shortReason(text))); will retry")
  }

  private static func shortReason(_ text: String) -> String {
    if text.contains("Connection refused") || text.contains("connectionRefused") || text.contains("ECONNREFUSED") {
      return "connection refused"
    }
    if text.contains("reset") { return "connection reset" }
    return String(text.prefix(120))
  }

  /// Maps a status that is not a success to an error.
  private func failure(_ response: Response, doing what: String) -> MESHError {
    let detail = Self.detail(response.body)
    switch response.status {
    case 401, 403:
      return .configuration(
        "MESH refused the mailbox (HTTP \(response.status)\(detail.map { ": \($0)" } ?? "")) while \(what): check the MESH settings `mailbox`, `password` and `shared_key`"
      )
    case 404 where what == "handshaking":
      return .configuration("MESH does not know the mailbox (HTTP 404): check the MESH setting `mailbox`")
    case 408, 425, 429, 500...599:
      return .transient("MESH answered HTTP \(response.status) while \(what); will retry")
    case 400, 417, 422:
      return .rejected("MESH refused the message (HTTP \(response.status)\(detail.map { ": \($0)" } ?? ""))")
    default:
      return .transient("MESH answered HTTP \(response.status) while \(what); will retry")
    }
  }

  private static func detail(_ body: Data) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
    for key in ["detail", "errorDescription", "error_description", "internal_id"] {
      if let text = object[key] as? String { return String(text.prefix(160)) }
      if let list = object[key] as? [[String: Any]], let first = list.first, let text = first["msg"] as? String {
        return String(text.prefix(160))
      }
    }
    return nil
  }

  private func json(_ data: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
  }

  private var mailboxPath: String { configuration.mailbox }

  // MARK: - API

  /// Validates the mailbox (and the credentials and certificates on the way).
  public func handshake() async throws {
    do {
      let response = try await request(.POST, mailboxPath, body: Data())
      guard (200..<300).contains(response.status) else { throw failure(response, doing: "handshaking") }
    } catch let error as MESHError where error.mayHaveArrived && !error.description.hasPrefix("MESH did not answer") {
      // A connection cut at first contact is either the network or, with
      // TLS 1.3, the server refusing our certificate: the probe tells which.
      guard let url = URL(string: configuration.endpoint), let host = url.host else { throw error }
      let port = url.port ?? 443
      if await CertificateProbe.refusesCertificate(host: host, port: port, tls: tls, wait: .seconds(2)) {
        throw MESHError.configuration(
          "the MESH endpoint refused the client certificate in the TLS handshake: check the MESH settings `client_certificate`, `client_key` and `ca_certificate`"
        )
      }
      throw error
    }
  }

  /// Sends a message, in chunks of `chunkSize` when larger; returns MESH's message id.
  /// When the message goes in more than one chunk, `afterFirstChunk` is told
  /// the message id as soon as MESH gives it (a single chunk is done when
  /// `send` returns, so there is nothing to note in between).
  public func send(
    _ data: Data, metadata: MESHMetadata, checksum: String? = nil,
    afterFirstChunk: @Sendable (String) async throws -> Void = { _ in }
  ) async throws -> String {
    let chunkSize = configuration.chunkSize
    let total = max(1, (data.count + chunkSize - 1) / chunkSize)
    var headers: [(String, String)] = [
      ("Content-Type", "application/octet-stream"),
      ("mex-From", metadata.from), ("mex-To", metadata.to), ("mex-WorkflowID", metadata.workflowID),
      ("mex-Subject", metadata.subject), ("mex-LocalID", metadata.localID), ("mex-FileName", metadata.fileName),
      ("mex-Content-Type", metadata.contentType), ("mex-Chunk-Range", "1:\(total)"),
      ("mex-MessageType", "DATA"),
    ]
    if let checksum { headers.append(("mex-Content-Checksum", checksum)) }
    let first = data.prefix(chunkSize)
    let response = try await request(.POST, mailboxPath + "/outbox", headers: headers, body: Data(first))
    guard (200..<300).contains(response.status) else { throw failure(response, doing: "sending") }
    let body = json(response.body)
    guard let messageID = (body["message_id"] ?? body["messageID"]) as? String else {
      throw MESHError.transient("MESH accepted the upload but gave no message id; will check tracking and retry")
    }
    if total > 1 {
      try await afterFirstChunk(messageID)
      try await sendChunks(data, messageID: messageID, from: 2, total: total)
    }
    return messageID
  }

  /// Uploads chunks `from...total` of a message already started.
  public func sendChunks(_ data: Data, messageID: String, from start: Int, total: Int) async throws {
    let chunkSize = configuration.chunkSize
    guard start <= total else { return }
    for number in start...total {
      let lower = (number - 1) * chunkSize
      let chunk = data.subdata(in: (data.startIndex + lower)..<(data.startIndex + min(data.count, lower + chunkSize)))
      let response = try await request(
        .POST, mailboxPath + "/outbox/\(messageID)/\(number)",
        headers: [("Content-Type", "application/octet-stream"), ("mex-Chunk-Range", "\(number):\(total)")],
        body: chunk)
      guard (200..<300).contains(response.status) else { throw failure(response, doing: "sending chunk \(number)") }
    }
  }

  /// The message MESH holds for a local id from this mailbox, if any. When
  /// MESH has several (a chunked upload begun twice), the most advanced one.
  public func track(localID: String) async throws -> MESHTracking? {
    let escaped = localID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? localID
    let response = try await request(
      .GET, mailboxPath + "/outbox/tracking/\(escaped)", accept: "application/json")
    switch response.status {
    case 200:
      let body = json(response.body)
      guard let id = (body["messageId"] ?? body["message_id"] ?? body["dtsId"]) as? String else { return nil }
      return MESHTracking(messageID: id, status: ((body["status"] as? String) ?? "accepted").lowercased())
    case 404:
      return nil
    case 300:
      // More than one with this local id: only a chunked upload started again does this.
      return MESHTracking(messageID: "", status: "multiple")
    default:
      throw failure(response, doing: "asking MESH's tracking")
    }
  }

  /// Tracking by message id (v2): the status (`accepted`, `acknowledged`, ...).
  public func track(messageID: String) async throws -> MESHTracking? {
    let response = try await request(.GET, mailboxPath + "/outbox/tracking?messageID=\(messageID)")
    switch response.status {
    case 200:
      let body = json(response.body)
      let status = ((body["status"] as? String) ?? "").lowercased()
      return MESHTracking(messageID: messageID, status: status)
    case 404: return nil
    default: throw failure(response, doing: "asking MESH's tracking")
    }
  }

  /// The ids of the messages in this mailbox's inbox (optionally one workflow).
  public func inbox(workflow: String? = nil) async throws -> [String] {
    var path = mailboxPath + "/inbox"
    if let workflow { path += "?workflow_filter=\(workflow)" }
    let response = try await request(.GET, path)
    guard response.status == 200 else { throw failure(response, doing: "listing the inbox") }
    return (json(response.body)["messages"] as? [String]) ?? []
  }

  /// Downloads one message, every chunk.
  public func download(_ messageID: String) async throws -> MESHInboxMessage {
    let first = try await request(.GET, mailboxPath + "/inbox/\(messageID)")
    guard first.status == 200 || first.status == 206 else { throw failure(first, doing: "downloading") }
    var data = first.body
    if first.status == 206, let range = first.headers.first(name: "mex-Chunk-Range"),
      let total = range.split(separator: ":").last.flatMap({ Int($0) }), total > 1
    {
      for number in 2...total {
        let chunk = try await request(.GET, mailboxPath + "/inbox/\(messageID)/\(number)")
        guard chunk.status == 200 || chunk.status == 206 else { throw failure(chunk, doing: "downloading") }
        data.append(chunk.body)
      }
    }
    let headers = first.headers
    return MESHInboxMessage(
      messageID: messageID, workflowID: headers.first(name: "mex-WorkflowID"),
      localID: headers.first(name: "mex-LocalID"), from: headers.first(name: "mex-From"),
      subject: headers.first(name: "mex-Subject"), data: data)
  }

  /// Acknowledges (removes) a downloaded message.
  public func acknowledge(_ messageID: String) async throws {
    let response = try await request(.PUT, mailboxPath + "/inbox/\(messageID)/status/acknowledged")
    guard (200..<300).contains(response.status) || response.status == 410 else {
      throw failure(response, doing: "acknowledging")
    }
  }
}
