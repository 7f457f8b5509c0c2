import Foundation

/// A JSON document built in code (the FHIR export), encoded with sorted keys.
public indirect enum JSONValue: Codable, Sendable, Equatable {
  case string(String)
  case number(Int)
  case bool(Bool)
  case array([JSONValue])
  case object([String: JSONValue])
  case null

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let flag = try? c.decode(Bool.self) {
      self = .bool(flag)
    } else if let number = try? c.decode(Int.self) {
      self = .number(number)
    } else if let text = try? c.decode(String.self) {
      self = .string(text)
    } else if let items = try? c.decode([JSONValue].self) {
      self = .array(items)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .string(let text): try c.encode(text)
    case .number(let number): try c.encode(number)
    case .bool(let flag): try c.encode(flag)
    case .array(let items): try c.encode(items)
    case .object(let members): try c.encode(members)
    case .null: try c.encodeNil()
    }
  }

  /// The same document with every string (keys are left alone) passed through `transform`.
  public func mappingStrings(_ transform: (String) -> String) -> JSONValue {
    switch self {
    case .string(let text): return .string(transform(text))
    case .array(let items): return .array(items.map { $0.mappingStrings(transform) })
    case .object(let members): return .object(members.mapValues { $0.mappingStrings(transform) })
    case .number, .bool, .null: return self
    }
  }

  /// Pretty JSON with sorted keys and a final newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }
}
