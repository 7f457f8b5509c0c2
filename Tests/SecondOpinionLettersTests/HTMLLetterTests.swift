import SecondOpinionCore
import SecondOpinionLetters
import Testing

@Suite("HTML letter")
struct HTMLLetterTests {
  @Test func escapesMarkup() {
    #expect(HTMLLetter.escape("<script>\"'&") == "&lt;script&gt;&quot;&#39;&amp;")
  }
}
