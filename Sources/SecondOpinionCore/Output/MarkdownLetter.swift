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
    let characters = Array(TextSanitizer.clean(text))
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
}
