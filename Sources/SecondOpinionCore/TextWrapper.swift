/// Wraps text to a width at spaces, keeping existing line breaks.
public enum TextWrapper {
  /// Wraps each paragraph line of `text` to at most `width` characters where
  /// possible (a longer word stays whole), with an optional indent after the first line.
  public static func wrap(_ text: String, width: Int, hangingIndent: String = "") -> String {
    var out: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let indent = String(paragraph.prefix { $0 == " " })
      var line = ""
      var first = true
      for word in paragraph.split(separator: " ") {
        let prefix = first ? indent : hangingIndent
        if line.isEmpty {
          line = prefix + word
        } else if line.count + 1 + word.count <= width {
          line += " " + word
        } else {
          out.append(line)
          first = false
          line = hangingIndent + word
        }
      }
      out.append(line)
    }
    return out.joined(separator: "\n")
  }
}
