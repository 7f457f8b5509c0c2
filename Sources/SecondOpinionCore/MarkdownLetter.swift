/// Renders the letter as Markdown, escaping the person's text so it cannot
/// become markup, links or HTML.
public enum MarkdownLetter {
  /// The Markdown letter.
  public static func render(_ model: LetterModel) -> String {
    var out = "# \(model.title)\n\n_\(escape(model.subtitle))_\n\n"
    if let banner = model.banner { out += "> **\(escape(banner))**\n\n" }
    for section in model.sections {
      out += "## \(section.title)\n\n"
      for entry in section.entries { out += "- **\(escape(entry.label)):** \(escape(entry.value))\n" }
      if !section.items.isEmpty {
        if !section.entries.isEmpty { out += "\n" }
        for (index, item) in section.items.enumerated() { out += "\(index + 1). \(escape(item))\n" }
      }
      if section.entries.isEmpty, section.items.isEmpty { out += "\(section.empty ?? "Not known")\n" }
      out += "\n"
    }
    out += "---\n\n_\(escape(model.disclaimer))_\n"
    return out
  }

  /// Escapes Markdown and HTML specials in a person's text, after making it
  /// inert (`TextSanitizer`), so it cannot become markup, HTML or a link: the
  /// colon of `://`, the dot of `www.` and `@` are escaped too, which stops
  /// GitHub-flavoured Markdown from turning a bare address into a live link.
  public static func escape(_ text: String) -> String {
    let clean = TextSanitizer.clean(text)
    if let escaped = escapeASCII(clean) { return escaped }
    let characters = Array(clean)
    var out = ""
    for (index, character) in characters.enumerated() {
      switch character {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "@":
        out += "\\\(character)"
      case ":" where characters[(index + 1)...].starts(with: ["/", "/"]):
        out += "\\:"
      case "." where index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www":
        out += "\\."
      default: out.append(character)
      }
    }
    return out
  }

  /// For each byte: 0 printable ASCII with nothing to escape, 1 a character
  /// that may need escaping, 2 anything else (not printable ASCII).
  private static let kinds: [UInt8] = (0..<256).map { byte in
    guard byte >= 0x20, byte <= 0x7E else { return 2 }
    return "<>&\\`*_[]#|~@:.".utf8.contains(UInt8(byte)) ? 1 : 0
  }

  /// `escape` for printable ASCII (nearly every answer), on bytes: there each
  /// character is one byte, so the result is the general path's. Text with
  /// nothing to escape is returned as it is. Nil for anything else.
  private static func escapeASCII(_ text: String) -> String? {
    var copy = text
    // nil: not printable ASCII; .some(nil): nothing to escape.
    let result = copy.withUTF8 { bytes -> String?? in
      // 0: printable with nothing to escape; 1: may need escaping; 2: not printable ASCII.
      var worst: UInt8 = 0
      Self.kinds.withUnsafeBufferPointer { kinds in
        for byte in bytes { worst = max(worst, kinds[Int(byte)]) }
      }
      if worst == 2 { return nil }
      if worst == 0 { return .some(nil) }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 16)
      for index in bytes.indices {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
          UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "@"):
          out.append(UInt8(ascii: "\\"))
          out.append(byte)
        case UInt8(ascii: ":")
        where index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/"):
          out.append(UInt8(ascii: "\\"))
          out.append(byte)
        case UInt8(ascii: ".")
        where index >= 3 && (index - 3..<index).allSatisfy { bytes[$0] | 0x20 == UInt8(ascii: "w") }:
          out.append(UInt8(ascii: "\\"))
          out.append(byte)
        default: out.append(byte)
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
    guard let result else { return nil }
    return result ?? text
  }
}
