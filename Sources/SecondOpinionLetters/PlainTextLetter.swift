import SecondOpinionCore

/// Renders the letter as plain text wrapped for an 80-column terminal or
/// printer: the title underlined, each heading in capitals on its own line
/// (no underline, so two A4 pages hold a typical letter).
/// Every text from the record is made inert again (`TextSanitizer`), so a
/// record edited by hand cannot put escape sequences on a terminal or printer.
public enum PlainTextLetter {
  /// The plain-text letter.
  public static func render(_ model: LetterModel, width: Int = 80) -> String {
    let inert = TextSanitizer.clean
    var out = model.title.uppercased() + "\n" + String(repeating: "=", count: min(model.title.count, width)) + "\n"
    out += TextWrapper.wrap(inert(model.subtitle), width: width) + "\n\n"
    if let banner = model.banner {
      out += AlertBox.render(title: inert(model.bannerTitle ?? ""), body: inert(banner))
    }
    for section in model.sections {
      out += TextWrapper.wrap(inert(section.title).uppercased(), width: width) + "\n"
      for entry in section.entries {
        out +=
          TextWrapper.wrap("\(inert(entry.label)): \(inert(entry.value))", width: width, hangingIndent: "    ") + "\n"
      }
      if let label = section.itemsLabel, !section.items.isEmpty { out += inert(label) + ":\n" }
      for (index, item) in section.items.enumerated() {
        out += TextWrapper.wrap("  \(index + 1). \(inert(item))", width: width, hangingIndent: "     ") + "\n"
      }
      if section.entries.isEmpty, section.items.isEmpty { out += inert(section.empty ?? "") + "\n" }
      out += "\n"
    }
    out += TextWrapper.wrap(model.disclaimer, width: width) + "\n"
    return out
  }
}
