import SecondOpinionCore

/// Renders the letter as Markdown, escaping the person's text so it cannot
/// become markup, links or HTML.
public enum MarkdownLetter {
  /// The Markdown letter.
  public static func render(_ model: LetterModel) -> String {
    var out = "# \(model.title)\n\n_\(escape(model.subtitle))_\n\n"
    if let banner = model.banner {
      out += "> **\(escape(model.bannerTitle ?? "")):** \(escape(banner))\n\n"
    }
    for section in model.sections {
      out += "## \(section.title)\n\n"
      for entry in section.entries { out += "- **\(escape(entry.label)):** \(escape(entry.value))\n" }
      if !section.items.isEmpty {
        if !section.entries.isEmpty { out += "\n" }
        if let label = section.itemsLabel { out += "**\(escape(label)):**\n\n" }
        for (index, item) in section.items.enumerated() { out += "\(index + 1). \(escape(item))\n" }
      }
      if section.entries.isEmpty, section.items.isEmpty { out += "\(escape(section.empty ?? ""))\n" }
      out += "\n"
    }
    out += "---\n\n_\(escape(model.disclaimer))_\n"
    return out
  }

  /// Escapes Markdown and HTML specials in a person's text, after making it
  /// inert (`TextSanitizer`), so it cannot become markup, HTML or a link:
  /// `<` and `>` as entities (no renderer, CommonMark or not, makes a tag of
  /// them); `&` only where it could start an entity (`\&` before `amp;` or
  /// `#38;`), so "A&E" stays "A&E"; `_` only where it could start or end
  /// emphasis (not between two letters or digits, as in an identifier). The colon of `://` and the dot of `www.` are escaped too, which stops
  /// GitHub-flavoured Markdown from turning a bare web address into a live
  /// link. An e-mail address (and `mailto:` or `xmpp:` text) is found after
  /// escapes are undone, so no backslash stops it: an `@` between the
  /// characters of an address is written as a code span, `` `@` ``, which
  /// no renderer links across; any other `@` is escaped. Works on Unicode
  /// scalars, as a Markdown parser reads them, so a special character
  /// followed by a combining mark is escaped too.
  public static func escape(_ text: String) -> String {
    let scalars = Array(TextSanitizer.clean(text).unicodeScalars)
    var out = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "<": out.append(contentsOf: "&lt;".unicodeScalars)
      case ">": out.append(contentsOf: "&gt;".unicodeScalars)
      case "&" where startsEntity(scalars[(index + 1)...]):
        out.append(contentsOf: "\\&".unicodeScalars)
      case "_"
      where index > 0 && index + 1 < scalars.count && isAlphanumeric(scalars[index - 1])
        && isAlphanumeric(scalars[index + 1]):
        out.append(scalar)
      case "@"
      where index > 0 && index + 1 < scalars.count && addressBefore(scalars[index - 1])
        && addressAfter(scalars[index + 1]):
        out.append(contentsOf: "`@`".unicodeScalars)
      case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "@":
        out.append("\\")
        out.append(scalar)
      case ":" where scalars[(index + 1)...].starts(with: ["/", "/"]):
        out.append(contentsOf: "\\:".unicodeScalars)
      case "." where index >= 3 && String(String.UnicodeScalarView(scalars[(index - 3)..<index])).lowercased() == "www":
        out.append(contentsOf: "\\.".unicodeScalars)
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether the text after an `&` would make it an entity or a numeric
  /// character reference (`amp;`, `#38;`, `#x26;`).
  private static func startsEntity(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
    var length = 0
    for scalar in rest.prefix(33) {
      if scalar == ";" { return length > 0 }
      guard isAlphanumeric(scalar) || (length == 0 && scalar == "#") else { return false }
      length += 1
    }
    return false
  }

  /// A character an autolinker takes as the end of an address's local part.
  private static func addressBefore(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (isAlphanumeric(scalar) || ".+-_".unicodeScalars.contains(scalar))
  }

  /// A character an autolinker takes as the start of an address's domain.
  private static func addressAfter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (isAlphanumeric(scalar) || "-_.".unicodeScalars.contains(scalar))
  }

  private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
  }
}
