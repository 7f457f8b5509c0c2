import SecondOpinionCore
import Testing

@Suite("Text wrapper")
struct TextWrapperTests {
  @Test func wrapsTo80Columns() {
    let text = TextWrapper.wrap(String(repeating: "word ", count: 60), width: 80, hangingIndent: "  ")
    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }
}
