import Foundation

/// Makes typed text inert: terminal escape sequences (CSI, OSC, DCS and the
/// like), bracketed-paste markers, C0 and C1 control characters, Unicode
/// bidirectional controls and invisible characters that can hide text (zero
/// width space, word joiner, byte order mark, interlinear annotation marks)
/// are removed; tabs and the Unicode line and paragraph separators become
/// spaces; white space at the ends is trimmed. Printable Unicode of any script
/// is kept (zero width joiners and non-joiners too: some scripts and emoji
/// need them).
public enum TextSanitizer {
  /// Returns the inert form of `text`.
  public static func clean(_ text: String) -> String {
    // Printable ASCII with no space at either end has nothing to remove: it
    // is returned as it is. (A message's base64 PDF, tens of kilobytes, went
    // scalar by scalar through the loop below: half of `deliver`'s time.)
    let bytes = text.utf8
    if bytes.allSatisfy({ (0x20...0x7E).contains($0) }), bytes.first != 0x20, bytes.last != 0x20 { return text }
    let scalars = Array(text.unicodeScalars)
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(scalars.count)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar.value {
      case 0x1B:
        index = skipEscape(scalars, from: index)
      case 0x9B:  // C1 CSI
        index = skipCSI(scalars, from: index)
      case 0x9D, 0x90, 0x98, 0x9E, 0x9F:  // C1 OSC, DCS, SOS, PM, APC
        index = skipString(scalars, from: index)
      case 0x09, 0x2028, 0x2029:
        out.append(" ")
      case 0x00...0x1F, 0x7F...0x9F:
        continue
      case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        continue  // bidirectional controls can disguise text
      case 0x200B, 0x2060, 0xFEFF, 0xFFF9...0xFFFB:
        continue  // invisible: an answer made of them would look blank
      default:
        out.append(scalar)
      }
    }
    // Trim what Foundation's `.whitespaces` holds: space separators (tabs are spaces by now).
    let isSpace = { (scalar: Unicode.Scalar) in scalar.properties.generalCategory == .spaceSeparator }
    guard let first = out.firstIndex(where: { !isSpace($0) }), let last = out.lastIndex(where: { !isSpace($0) })
    else { return "" }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: out[first...last])
    return String(result)
  }

  /// Whether the text had anything that `clean` would remove (apart from the ends).
  public static func hadControls(_ text: String) -> Bool {
    clean(text) != text.trimmingCharacters(in: .whitespaces)
  }

  /// After ESC: a CSI, a string (OSC, DCS, SOS, PM, APC), a character-set
  /// choice with its one argument, or one final character. Only printable
  /// ASCII is taken as part of it, so a second ESC starts a new sequence.
  /// Returns the index after it.
  private static func skipEscape(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
    guard index < scalars.count else { return index }
    switch scalars[index] {
    case "[": return skipCSI(scalars, from: index + 1)
    case "]", "P", "X", "^", "_": return skipString(scalars, from: index + 1)
    case "(", ")", "*", "+", "#", "%": return skipPrintable(scalars, from: index + 1)
    default: return skipPrintable(scalars, from: index)
    }
  }

  /// Skips one printable ASCII character, if there is one.
  private static func skipPrintable(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
    guard index < scalars.count, (0x20...0x7E).contains(scalars[index].value) else { return index }
    return index + 1
  }

  /// CSI: parameters and intermediates, then one final byte 0x40–0x7E. A
  /// character that cannot be part of it ends it and is kept for the next
  /// round (another escape, say, is then removed too, not shown as text).
  private static func skipCSI(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
    var index = index
    while index < scalars.count {
      let value = scalars[index].value
      if (0x40...0x7E).contains(value) { return index + 1 }
      if !(0x20...0x3F).contains(value) { return index }
      index += 1
    }
    return index
  }

  /// OSC, DCS and the like: up to BEL or ST (ESC \ or 0x9C), or to the end
  /// when it is not terminated.
  private static func skipString(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
    var index = index
    while index < scalars.count {
      let value = scalars[index].value
      index += 1
      if value == 0x07 || value == 0x9C { return index }
      if value == 0x1B {
        // ESC \ ends it; any other ESC ends it too and starts the next sequence.
        return index < scalars.count && scalars[index] == "\\" ? index + 1 : index - 1
      }
    }
    return index
  }
}
