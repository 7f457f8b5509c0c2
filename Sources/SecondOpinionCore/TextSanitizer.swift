import Foundation

/// Makes typed text inert: terminal escape sequences (CSI, OSC, DCS and the
/// like), bracketed-paste markers, C0 and C1 control characters and Unicode
/// bidirectional overrides are removed; tabs become spaces; white space at the
/// ends is trimmed. Printable Unicode of any script is kept.
public enum TextSanitizer {
  /// Returns the inert form of `text`.
  public static func clean(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.first {
      scalars = scalars.dropFirst()
      switch scalar.value {
      case 0x1B:
        scalars = skipEscape(scalars)
      case 0x9B:  // C1 CSI
        scalars = skipCSI(scalars)
      case 0x9D, 0x90, 0x98, 0x9E, 0x9F:  // C1 OSC, DCS, SOS, PM, APC
        scalars = skipString(scalars)
      case 0x09:
        out.append(" ")
      case 0x00...0x1F, 0x7F...0x9F:
        continue
      case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        continue  // bidirectional controls can disguise text
      default:
        out.append(scalar)
      }
    }
    return String(out).trimmingCharacters(in: .whitespaces)
  }

  /// Whether the text had anything that `clean` would remove (apart from the ends).
  public static func hadControls(_ text: String) -> Bool {
    clean(text) != text.trimmingCharacters(in: .whitespaces)
  }

  private static func skipEscape(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    guard let next = rest.first else { return rest }
    switch next {
    case "[": return skipCSI(rest.dropFirst())
    case "]", "P", "X", "^", "_": return skipString(rest.dropFirst())
    case "(", ")", "*", "+", "#", "%":
      return rest.dropFirst(2)
    default:
      return rest.dropFirst()
    }
  }

  /// CSI: parameters and intermediates, then one final byte 0x40–0x7E.
  private static func skipCSI(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var rest = rest
    while let scalar = rest.first {
      rest = rest.dropFirst()
      if (0x40...0x7E).contains(scalar.value) { break }
      if !(0x20...0x3F).contains(scalar.value) { break }
    }
    return rest
  }

  /// OSC, DCS and the like: up to BEL or ST (ESC \ or 0x9C).
  private static func skipString(_ rest: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var rest = rest
    while let scalar = rest.first {
      rest = rest.dropFirst()
      if scalar.value == 0x07 || scalar.value == 0x9C { break }
      if scalar.value == 0x1B {
        if rest.first == "\\" { rest = rest.dropFirst() }
        break
      }
    }
    return rest
  }
}
