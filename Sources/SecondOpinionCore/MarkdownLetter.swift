/// Renders the letter as Markdown, escaping the person's text so it cannot
/// become markup, links or HTML.
public enum MarkdownLetter {
  /// The Markdown letter.
  public static func render(_ model: LetterModel) -> String {
    // Written as bytes into one buffer: the person's text escaped in place,
    // rather than as a string for every piece.
    var out = ByteBuffer(capacity: 8192)
    func put(_ text: String) { out.append(text) }
    func fixed(_ text: StaticString) { out.append(literal: text) }
    func putEscaped(_ text: String) { escape(text, into: &out) }
    fixed("# ")
    put(model.title)
    fixed("\n\n_")
    putEscaped(model.subtitle)
    fixed("_\n\n")
    if let banner = model.banner {
      fixed("> **")
      putEscaped(banner)
      fixed("**\n\n")
    }
    // Sections, entries and items are read in place, by index, not copied out.
    let sections = model.sections
    for section in sections.indices {
      fixed("## ")
      put(sections[section].title)
      fixed("\n\n")
      let entries = sections[section].entries
      for entry in entries.indices {
        fixed("- **")
        putEscaped(entries[entry].label)
        fixed(":** ")
        putEscaped(entries[entry].value)
        fixed("\n")
      }
      let items = sections[section].items
      if !items.isEmpty {
        if !entries.isEmpty { fixed("\n") }
        for index in items.indices {
          out.append(decimal: index + 1)
          fixed(". ")
          putEscaped(items[index])
          fixed("\n")
        }
      }
      if entries.isEmpty, items.isEmpty {
        put(sections[section].empty ?? "Not known")
        fixed("\n")
      }
      fixed("\n")
    }
    fixed("---\n\n_")
    putEscaped(model.disclaimer)
    fixed("_\n")
    return out.string
  }

  /// Appends `escape(text)` to `out`: printable ASCII (nearly all text) is
  /// trimmed and escaped on bytes, straight into `out`.
  static func escape(_ text: String, into out: inout ByteBuffer) {
    let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      // `TextSanitizer.clean` of printable ASCII only trims the spaces at the ends.
      var start = 0
      var end = bytes.count
      while start < end, bytes[start] == 0x20 { start += 1 }
      while end > start, bytes[end - 1] == 0x20 { end -= 1 }
      let mark = out.count
      guard escapeBytes(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &out) else {
        out.truncate(to: mark)
        return false
      }
      return true
    }
    if done != true { out.append(escape(text)) }
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

  /// Appends bytes to `out`, escaped as `escape` escapes them, and returns
  /// true; false, with `out` partly written, at a byte that is not printable ASCII.
  @discardableResult
  private static func escapeBytes(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let kinds = kindTable
    var plain = 0
    var index = 0
    while index < bytes.count {
      let kind = kinds[Int(base[index])]
      if kind != 0 {
        guard kind != 2 else { return false }
        // A full stop or a colon is escaped only after "www" or before "//"
        // (as `escapeByte` decides): most are left in the run of plain bytes.
        if kind == 1 || escapes(at: index, of: bytes) {
          out.append(UnsafeBufferPointer(start: base + plain, count: index - plain))
          plain = index + 1
          escapeByte(at: index, of: bytes, into: &out)
        }
      }
      index += 1
    }
    out.append(UnsafeBufferPointer(start: base + plain, count: bytes.count - plain))
    return true
  }

  /// Whether the full stop or colon at `index` is escaped: a full stop after
  /// "www" in any case, a colon before "//".
  private static func escapes(at index: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes[index] == UInt8(ascii: ":") {
      return index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
    }
    return index >= 3 && (index - 3..<index).allSatisfy { bytes[$0] | 0x20 == UInt8(ascii: "w") }
  }

  /// Appends the byte at `index`, one that may need escaping, escaped as `escape` escapes it.
  private static func escapeByte(at index: Int, of bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
    let byte = bytes[index]
    switch byte {
    case UInt8(ascii: "<"): out.append(literal: "&lt;")
    case UInt8(ascii: ">"): out.append(literal: "&gt;")
    case UInt8(ascii: "&"): out.append(literal: "&amp;")
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "@"):
      out.append(UInt8(ascii: "\\"))
      out.append(byte)
    case UInt8(ascii: ":"), UInt8(ascii: "."):
      if escapes(at: index, of: bytes) { out.append(UInt8(ascii: "\\")) }
      out.append(byte)
    default: out.append(byte)
    }
  }

  /// For each byte: 0 printable ASCII with nothing to escape, 1 a character
  /// that is escaped, 3 a full stop or a colon (escaped in some places only),
  /// 2 anything else (not printable ASCII).
  /// Made once and never freed or changed, so reading it costs no reference
  /// counting (an array's buffer is retained and released around each use).
  nonisolated(unsafe) private static let kindTable: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for byte in 0..<256 {
      table[byte] =
        byte < 0x20 || byte > 0x7E
        ? 2 : byte == 0x2E || byte == 0x3A ? 3 : "<>&\\`*_[]#|~@".utf8.contains(UInt8(byte)) ? 1 : 0
    }
    return UnsafePointer(table)
  }()

  /// `escape` for printable ASCII (nearly every answer), on bytes: there each
  /// character is one byte, so the result is the general path's. Text with
  /// nothing to escape is returned as it is. Nil for anything else.
  private static func escapeASCII(_ text: String) -> String? {
    var copy = text
    // nil: not printable ASCII; .some(nil): nothing to escape.
    let result = copy.withUTF8 { bytes -> String?? in
      // 0: printable with nothing to escape; 1: may need escaping; 2: not printable ASCII.
      var printable = true
      var special = false
      let kinds = kindTable
      for byte in bytes {
        let kind = kinds[Int(byte)]
        if kind == 2 { printable = false }
        if kind == 1 || kind == 3 { special = true }
      }
      if !printable { return nil }
      if !special { return .some(nil) }
      var out = ByteBuffer(capacity: bytes.count + 16)
      escapeBytes(bytes, into: &out)
      return out.string
    }
    guard let result else { return nil }
    return result ?? text
  }
}
