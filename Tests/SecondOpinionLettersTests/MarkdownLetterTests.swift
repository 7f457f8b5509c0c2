import SecondOpinionCore
import SecondOpinionLetters
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
    #expect(MarkdownLetter.escape("<\u{0338}") == "&lt;\u{0338}")
  }
}

extension MarkdownLetterTests {
  /// "A&E" stays as written; an `&` that would start an entity is escaped
  /// with a backslash, so `&amp;` typed is shown as typed, not as "&".
  @Test func anAmpersandIsEscapedOnlyWhereItCouldStartAnEntity() {
    #expect(MarkdownLetter.escape("999 or A&E") == "999 or A&E")
    #expect(MarkdownLetter.escape("salt & pepper &") == "salt & pepper &")
    #expect(MarkdownLetter.escape("&amp; &#38; &#x26;") == "\\&amp; \\&\\#38; \\&\\#x26;")
    #expect(MarkdownLetter.escape("&amp") == "&amp")
  }

  /// An underscore inside a word cannot start emphasis and is left as typed;
  /// one at a word's edge is escaped.
  @Test func anUnderscoreIsEscapedOnlyAtTheEdgeOfAWord() {
    #expect(MarkdownLetter.escape("dr_smith") == "dr_smith")
    #expect(MarkdownLetter.escape("_x_ a_") == "\\_x\\_ a\\_")
  }
}
