import SecondOpinionCore
import SecondOpinionLetters
import Testing

/// No Markdown renderer may make a link from a person's text: an `@` inside
/// an address becomes a code span (escapes are undone before GitHub's
/// autolinker looks for addresses); web addresses keep their escapes.
@Suite("Markdown autolinks")
struct MarkdownAutolinkTests {
  @Test(arguments: [
    ("sam@example.com", "sam`@`example.com"),
    ("mailto:sam@example.org", "mailto:sam`@`example.org"),
    ("xmpp:sam@chat.example.net/x", "xmpp:sam`@`chat.example.net/x"),
    // An underscore inside a word cannot make emphasis and is left as typed.
    ("dr_smith+x@nhs.uk", "dr_smith+x`@`nhs.uk"),
  ])
  func anAddressIsSplitByACodeSpan(_ text: String, _ escaped: String) {
    #expect(MarkdownLetter.escape(text) == escaped)
  }

  @Test(arguments: [("@home", "\\@home"), ("me @ home", "me \\@ home"), ("a@", "a\\@"), ("x@é", "x\\@é")])
  func anAtThatIsNotInAnAddressIsEscaped(_ text: String, _ escaped: String) {
    #expect(MarkdownLetter.escape(text) == escaped)
  }

  @Test func webAddressesStayEscaped() {
    let escaped = MarkdownLetter.escape("www.example.com http://a.b https://c.d ftp://e.f")
    #expect(escaped == "www\\.example.com http\\://a.b https\\://c.d ftp\\://e.f")
  }
}
