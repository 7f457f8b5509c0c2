/// Wraps text to a width in terminal columns at spaces, keeping existing line
/// breaks. Wide characters (Chinese, Japanese, Korean, most emoji) count as two
/// columns and combining marks as none, so wrapped lines fit on screen and paper.
public enum TextWrapper {
  /// Wraps each paragraph line of `text` to at most `width` columns where
  /// possible (a longer word stays whole), with an optional indent after the first line.
  public static func wrap(_ text: String, width: Int, hangingIndent: String = "") -> String {
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

  /// The terminal columns a string takes.
  public static func columns<S: StringProtocol>(_ text: S) -> Int {
    text.reduce(0) { $0 + columns($1) }
  }

  /// The terminal columns one character takes: 0, 1 or 2.
  public static func columns(_ character: Character) -> Int {
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
