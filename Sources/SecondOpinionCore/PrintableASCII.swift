/// Text that is printable ASCII (0x20 to 0x7E) only, read as bytes: there
/// each character is exactly one byte (no line breaks, no combining marks), so
/// byte-level code gives what character-level code gives. The fast paths of
/// the parsers and renderers use it; anything else takes their general path.
enum PrintableASCII {
  /// Runs `body` on the text's bytes when they are all printable ASCII; nil otherwise.
  static func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> T? in
      for byte in bytes where byte < 0x20 || byte > 0x7E { return nil }
      return body(bytes)
    }
    if let result { return result }
    // Text not stored as contiguous UTF-8 (not made in Swift): read from a copy.
    var text = text
    return text.withUTF8 { bytes -> T? in
      for byte in bytes where byte < 0x20 || byte > 0x7E { return nil }
      return body(bytes)
    }
  }

  /// A string from bytes known to be ASCII.
  static func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    String(decoding: bytes, as: UTF8.self)
  }

  /// Whether the byte is an ASCII digit.
  static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

  /// Whether the byte is an ASCII letter.
  static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

  /// The byte in upper case (a-z only).
  static func upper(_ byte: UInt8) -> UInt8 { byte &- 0x61 < 26 ? byte & ~0x20 : byte }

  /// The byte in lower case (A-Z only).
  static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
