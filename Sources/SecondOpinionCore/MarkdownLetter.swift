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

  /// Escapes Markdown and HTML specials in a person's text.
  public static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\\", "`", "*", "_", "[", "]", "#", "|", "~":
        out += "\\\(character)"
      default: out.append(character)
      }
    }
    return out
  }
}
