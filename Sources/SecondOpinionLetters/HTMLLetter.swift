import SecondOpinionCore

/// Renders the letter as one self-contained HTML page with print styling. All
/// text is escaped; there are no scripts and no external resources.
public enum HTMLLetter {
  /// The HTML page.
  public static func render(_ model: LetterModel) -> String {
    var body = "<h1>\(escape(model.title))</h1>\n<p class=\"meta\">\(escape(model.subtitle))</p>\n"
    if let banner = model.banner {
      body +=
        "<p class=\"emergency\" role=\"alert\"><strong>\(escape(model.bannerTitle ?? "")):</strong> \(escape(banner))</p>\n"
    }
    for section in model.sections {
      body += "<section>\n<h2>\(escape(section.title))</h2>\n"
      if !section.entries.isEmpty {
        body += "<dl>\n"
        for entry in section.entries {
          body += "<dt>\(escape(entry.label))</dt><dd>\(escape(entry.value))</dd>\n"
        }
        body += "</dl>\n"
      }
      if !section.items.isEmpty {
        if let label = section.itemsLabel { body += "<p><strong>\(escape(label)):</strong></p>\n" }
        body += "<ol>\n" + section.items.map { "<li>\(escape($0))</li>\n" }.joined() + "</ol>\n"
      }
      if section.entries.isEmpty, section.items.isEmpty {
        body += "<p class=\"empty\">\(escape(section.empty ?? ""))</p>\n"
      }
      body += "</section>\n"
    }
    body += "<footer><p>\(escape(model.disclaimer))</p></footer>\n"
    return """
      <!DOCTYPE html>
      <html lang="en-GB">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>\(escape(model.title))</title>
      <style>
      body { font-family: Arial, Helvetica, sans-serif; max-width: 48em; margin: 2em auto; line-height: 1.4; color: #000; }
      h1 { font-size: 1.5em; border-bottom: 2px solid #005eb8; }
      h2 { font-size: 1.15em; margin-top: 1.4em; color: #005eb8; }
      dl { display: grid; grid-template-columns: 14em 1fr; gap: 0.2em 1em; }
      dt { font-weight: bold; }
      dd { margin: 0; white-space: pre-wrap; }
      .meta { color: #425563; font-size: 0.9em; }
      .emergency { border: 3px solid #d5281b; padding: 0.6em; font-weight: bold; color: #d5281b; }
      footer { margin-top: 2em; border-top: 1px solid #aaa; font-style: italic; }
      @media print {
        body { margin: 0; max-width: none; font-size: 11pt; }
        h2 { color: #000; break-after: avoid; }
        section { break-inside: avoid; }
        .emergency { color: #000; }
      }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  /// Makes text inert (`TextSanitizer`), then escapes HTML specials.
  public static func escape(_ text: String) -> String {
    var out = ""
    for character in TextSanitizer.clean(text) {
      switch character {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
