import SecondOpinionCore
import Testing

@Suite("Markdown letter")
struct MarkdownLetterTests {
  @Test func markdownEscapesAPersonsText() {
    let escaped = MarkdownLetter.escape("[x](http://e) <b>**y**</b> #")
    #expect(escaped.hasPrefix("\\[x\\]("))
    #expect(!escaped.contains("http://"))  // no bare autolink
    #expect(!escaped.contains("<b>") && !escaped.contains("**"))
    #expect(escaped.hasSuffix("\\#"))
  }
}

extension MarkdownLetterTests {
  /// A special character followed by a combining mark is one Character in
  /// Swift but two scalars to a Markdown parser: it is escaped all the same.
  @Test func escapesASpecialCharacterBeforeACombiningMark() {
    for special in ["*", "_", "[", "#", "`", "~", "|", "@", "\\"] {
      let escaped = MarkdownLetter.escape("a" + special + "\u{0301}b")
      #expect(escaped == "a\\" + special + "\u{0301}b", "\(special)")
    }
    #expect(MarkdownLetter.escape("<\u{0338}") == "\\<\u{0338}")
  }
}
