import Foundation
import Testing

@testable import SecondOpinionDelivery

@Suite("MESH authorisation header")
struct MESHAuthTests {
  @Test("NHSMESH mailbox:nonce:count:timestamp:hmac, HMAC-SHA256 of mailbox:nonce:count:password:timestamp")
  func header() {
    let header = MESHClient.authorisation(
      mailbox: "X26ABC1", password: "password", sharedKey: "TestKey",
      nonce: "4a1b1f7e-0000-4000-8000-000000000001", count: 0, timestamp: "202611251000")
    // The same HMAC as Python's hmac.new(key, message, sha256).hexdigest().
    #expect(
      header
        == "NHSMESH X26ABC1:4a1b1f7e-0000-4000-8000-000000000001:0:202611251000:41e111923e461641aa5723ee5ad7a86fd4274d375d601ad1d280e2e5191f1004"
    )
    #expect(!header.contains("password"))
  }

  @Test("The timestamp is yyyyMMddHHmm in UTC")
  func timestamp() {
    let date = ISO8601DateFormatter().date(from: "2026-11-25T10:07:59Z")!
    #expect(MESHClient.timestamp(date) == "202611251007")
  }
}

@Suite("MESH configuration")
struct MESHConfigurationTests {
  func folder() throws -> String {
    let path = NSTemporaryDirectory() + "mesh-config-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for name in ["c.pem", "k.pem", "ca.pem"] {
      FileManager.default.createFile(atPath: path + "/" + name, contents: Data("x".utf8))
    }
    return path
  }

  func write(_ text: String, in folder: String, mode: Int = 0o600) -> String {
    let path = folder + "/mesh.yaml"
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
    return path
  }

  func yaml(_ folder: String) -> String {
    """
    endpoint: https://127.0.0.1:8700
    mailbox: x26abc1
    password: secret-password-value
    shared_key: secret-key-value
    client_certificate: \(folder)/c.pem
    client_key: \(folder)/k.pem
    ca_certificate: \(folder)/ca.pem
    recipient: X26ABC2
    sender_ods_code: X26
    sender_name: Test Surgery
    notify_command: ["/usr/bin/logger", "-t", "desk-bell"]

    """
  }

  @Test("File and environment, the environment winning")
  func load() throws {
    let folder = try folder()
    let path = write(yaml(folder), in: folder)
    let configuration = try MESHConfiguration.load(environment: [
      "SECOND_OPINION_MESH_CONFIG": path, "SECOND_OPINION_MESH_RECIPIENT": "GPPROVIDER",
    ])
    #expect(configuration.mailbox == "X26ABC1")
    #expect(configuration.password == "secret-password-value")
    #expect(configuration.message.recipient == .registeredPractice)
    #expect(configuration.workflowID == "GPFED_CONSULT_REPORT")
    #expect(configuration.notifyCommand == ["/usr/bin/logger", "-t", "desk-bell"])
    #expect(!configuration.description.contains("secret"))
  }

  @Test("A missing or bad setting is named, its value never shown")
  func problems() throws {
    let folder = try folder()
    let path = write(yaml(folder).replacingOccurrences(of: "mailbox: x26abc1\n", with: ""), in: folder)
    #expect(throws: MESHConfiguration.Problem.self) {
      try MESHConfiguration.load(environment: ["SECOND_OPINION_MESH_CONFIG": path])
    }
    do {
      _ = try MESHConfiguration.load(environment: ["SECOND_OPINION_MESH_CONFIG": path])
    } catch let problem as MESHConfiguration.Problem {
      #expect(problem.description.contains("`mailbox`"))
      #expect(!problem.description.contains("secret"))
    }
    let open = write(yaml(folder), in: folder, mode: 0o644)
    do {
      _ = try MESHConfiguration.load(environment: ["SECOND_OPINION_MESH_CONFIG": open])
      Issue.record("a world-readable file with secrets was accepted")
    } catch let problem as MESHConfiguration.Problem {
      #expect(problem.description.contains("chmod 600"))
    }
    let plain = write(yaml(folder).replacingOccurrences(of: "https://", with: "http://"), in: folder)
    do {
      _ = try MESHConfiguration.load(environment: ["SECOND_OPINION_MESH_CONFIG": plain])
      Issue.record("plain http was accepted")
    } catch let problem as MESHConfiguration.Problem {
      #expect(problem.description.contains("`endpoint`"))
    }
  }
}

@Suite("ITK3 responses")
struct ITKResponseTests {
  @Test("A positive response names the message it answers")
  func positive() throws {
    let json = """
      {"resourceType":"Bundle","type":"message","entry":[{"resource":{"resourceType":"MessageHeader",
      "event":{"code":"ITK008M"},"response":{"identifier":"abc","code":"ok"}}},
      {"resource":{"resourceType":"OperationOutcome","issue":[{"details":{"coding":[{"code":"30001","display":"ok"}]}}]}}]}
      """
    let response = try #require(ITKResponse(Data(json.utf8)))
    #expect(response.references == ["abc"])
    #expect(response.positive)
    #expect(response.code == "30001")
  }
}
