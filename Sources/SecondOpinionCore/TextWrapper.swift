/// Wraps text to a width in terminal columns at spaces, keeping existing line
/// breaks. Wide characters (Chinese, Japanese, Korean, most emoji) count as two
/// columns and combining marks as none, so wrapped lines fit on screen and paper.
public enum TextWrapper {
  /// Wraps each paragraph line of `text` to at most `width` columns where
  /// possible (a longer word stays whole), with an optional indent after the first line.
  public static func wrap(_ text: String, width: Int, hangingIndent: String = "") -> String {
    if let wrapped = wrapASCII(text, width: width, hangingIndent: hangingIndent) { return wrapped }
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let indent = String(paragraph.prefix { $0 == " " })
      var line = ""
      var lineWidth = 0
      var first = true
      for word in paragraph.split(separator: " ") {
        let prefix = first ? indent : hangingIndent
        let wordWidth = columns(word)
        if line.isEmpty {
          line = prefix + word
          lineWidth = columns(prefix) + wordWidth
        } else if lineWidth + 1 + wordWidth <= width {
          line += " " + word
          lineWidth += 1 + wordWidth
        } else if wordWidth > width - columns(hangingIndent) {
          // A word too long for any line: break it across lines by columns.
          var rest = Substring(word)
          var current = line + " "
          var currentWidth = lineWidth + 1
          while let character = rest.first {
            let w = columns(character)
            if currentWidth + w > width {
              out.append(current)
              first = false
              current = hangingIndent
              currentWidth = columns(hangingIndent)
            }
            current.append(character)
            currentWidth += w
            rest = rest.dropFirst()
          }
          line = current
          lineWidth = currentWidth
        } else {
          out.append(line)
          first = false
          line = hangingIndent + word
          lineWidth = columns(hangingIndent) + wordWidth
        }
      }
      out.append(line)
    }
    return out.joined(separator: "\n")
  }

  /// `wrap` for text and indent of printable ASCII and line feeds only (nearly
  /// all of it), on bytes: there every character is one byte and one column,
  /// so the result is the same as the general path's. Nil for anything else.
  private static func wrapASCII(_ text: String, width: Int, hangingIndent: String) -> String? {
    var copy = text
    var indent = hangingIndent
    return copy.withUTF8 { bytes -> String? in
      indent.withUTF8 { hanging -> String? in
        guard isASCIIText(bytes), isASCIIText(hanging) else { return nil }
        if fits(bytes, width: width) { return text }
        var out = ByteBuffer(capacity: bytes.count + bytes.count / 8 + 16)
        wrapParagraphs(bytes, width: width, hanging: hanging, into: &out)
        return out.string
      }
    }
  }

  /// Whether bytes are printable ASCII and line feeds only, which
  /// `wrapASCII(_:width:hanging:into:)` wraps as `wrap` would.
  static func isASCIIText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in bytes where (byte < 0x20 && byte != UInt8(ascii: "\n")) || byte > 0x7E { return false }
    return true
  }

  /// Appends `bytes` wrapped as `wrap` wraps them to `out`; both `bytes` and
  /// `hanging` must be printable ASCII and line feeds (`isASCIIText`).
  static func wrapASCII(
    _ bytes: UnsafeBufferPointer<UInt8>, width: Int, hanging: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer
  ) {
    if fits(bytes, width: width) {
      out.append(bytes)
    } else {
      wrapParagraphs(bytes, width: width, hanging: hanging, into: &out)
    }
  }

  /// `wrapASCII(_:width:hanging:into:)` for text that does not fit as it is.
  private static func wrapParagraphs(
    _ bytes: UnsafeBufferPointer<UInt8>, width: Int, hanging: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer
  ) {
    let space = UInt8(ascii: " ")
    let newline = UInt8(ascii: "\n")
    var start = 0
    while true {
      // One paragraph: bytes[start..<end].
      var end = start
      while end < bytes.count, bytes[end] != newline { end += 1 }
      var leading = start
      while leading < end, bytes[leading] == space { leading += 1 }
      let lineStart = out.count
      var lineWidth = 0
      var cursor = start
      while cursor < end {
        while cursor < end, bytes[cursor] == space { cursor += 1 }
        guard cursor < end else { break }
        var wordEnd = cursor
        while wordEnd < end, bytes[wordEnd] != space { wordEnd += 1 }
        let word = UnsafeBufferPointer(rebasing: bytes[cursor..<wordEnd])
        let wordWidth = word.count
        if out.count == lineStart {
          // The first word of the paragraph, after its own indent.
          out.append(UnsafeBufferPointer(rebasing: bytes[start..<leading]))
          out.append(word)
          lineWidth = (leading - start) + wordWidth
        } else if lineWidth + 1 + wordWidth <= width {
          out.append(space)
          out.append(word)
          lineWidth += 1 + wordWidth
        } else if wordWidth > width - hanging.count {
          // A word too long for any line: break it across lines by columns.
          out.append(space)
          var currentWidth = lineWidth + 1
          for byte in word {
            if currentWidth + 1 > width {
              out.append(newline)
              out.append(hanging)
              currentWidth = hanging.count
            }
            out.append(byte)
            currentWidth += 1
          }
          lineWidth = currentWidth
        } else {
          out.append(newline)
          out.append(hanging)
          out.append(word)
          lineWidth = hanging.count + wordWidth
        }
        cursor = wordEnd
      }
      guard end < bytes.count else { break }
      out.append(newline)
      start = end + 1
    }
  }

  /// Whether wrapping leaves ASCII text as it is: one line that fits, whose
  /// words (after its own indent) are one space apart, with no space at the end.
  private static func fits(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> Bool {
    guard bytes.count <= width, bytes.last != UInt8(ascii: " ") else { return false }
    var leading = 0
    while leading < bytes.count, bytes[leading] == UInt8(ascii: " ") { leading += 1 }
    var previous: UInt8 = 0
    for byte in bytes[leading...] {
      if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: " ") && previous == byte) { return false }
      previous = byte
    }
    return true
  }

  /// The terminal columns a string takes.
  public static func columns<S: StringProtocol>(_ text: S) -> Int {
    text.reduce(0) { $0 + columns($1) }
  }

  /// The terminal columns one character takes: 0, 1 or 2.
  public static func columns(_ character: Character) -> Int {
    // Printable ASCII, nearly every character: one column.
    if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
    guard let first = character.unicodeScalars.first else { return 0 }
    let value = first.value
    switch first.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if first.properties.isEmojiPresentation { return 2 }
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}
