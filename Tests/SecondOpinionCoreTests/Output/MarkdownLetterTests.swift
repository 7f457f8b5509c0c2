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
