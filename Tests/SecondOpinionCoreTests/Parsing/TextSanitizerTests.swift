import SecondOpinionCore
import Testing

@Suite("Inert text")
struct TextSanitizerTests {
  @Test(arguments: [
    ("\u{1B}[31mred\u{1B}[0m", "red"), ("a\u{1B}]0;title\u{07}b", "ab"), ("x\u{1B}]52;c;aGk=\u{1B}\\y", "xy"),
    ("\u{1B}[200~pasted\u{1B}[201~", "pasted"), ("tab\there", "tab here"), ("nul\u{0}byte", "nulbyte"),
    ("c1\u{9B}31mx", "c1x"), ("bidi\u{202E}txt", "biditxt"), ("  padded  ", "padded"),
    ("Zoë Ó Briain 李", "Zoë Ó Briain 李"), ("bell\u{07}", "bell"), ("\u{1B}Pdcs\u{1B}\\ok", "ok"),
  ])
  func removesControlsAndKeepsText(_ input: String, _ expected: String) {
    #expect(TextSanitizer.clean(input) == expected)
  }

  @Test func outputHasNoControlCharacters() {
    let nasty = (0..<256).map { String(UnicodeScalar(UInt8($0))) }.joined()
    let clean = TextSanitizer.clean(nasty + "\u{1B}[2J\u{1B}]8;;http://x\u{07}link")
    #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
  }
}
