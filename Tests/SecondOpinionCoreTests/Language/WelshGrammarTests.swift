import SecondOpinionCore
import SecondOpinionTestSupport
import Testing

/// The Welsh grammars (seeds/phrases/*.cy.yaml) with the English ones, as a
/// Welsh session reads them: disclosures in every person and form are
/// caught, and the idioms the header names are kept out by the patterns.
@Suite("Welsh grammars")
struct WelshGrammarTests {
  static func crisis() throws -> PhraseMatcher { PhraseMatcher(try TestSeeds.grammars("crisis", language: "cy")) }
  static func screen() throws -> RedFlagReader {
    RedFlagReader(
      redFlags: try TestSeeds.grammars("red-flags", language: "cy"),
      crisis: try TestSeeds.grammars("crisis", language: "cy"))
  }

  @Test(arguments: [
    "dw i eisiau marw", "dwin meddwl am ladd fy hun", "mae o isio lladd ei hun", "mae'r claf wedi sôn am hunanladdiad",
    "dwi ddim isho byw ddim mwy", "methu cario mlaen", "dwi'n teimlo'n suicidal", "mae hi wedi cymryd gorddos",
    "dwi wedi bod yn hunan-niweidio", "mae fy ngŵr wedi bygwth fy lladd i", "dwi ddim yn hunanladdol",
  ])
  func disclosuresAreCaught(text: String) throws {
    #expect(!(try Self.crisis()).matches(in: text).isEmpty, "\(text)")
  }

  @Test(arguments: [
    "mae fy nghefn yn fy lladd i", "mae'r aros yn fy lladd i", "dwi bron â marw isio paned",
    "dwi'n byw ar fy mhen fy hun",
    "dwi ddim eisiau mynd ymlaen efo'r driniaeth", "fydd o'n brifo?", "bydd y cemo yn ei ladd",
    "mae'r tabledi'n lladd y boen", "ces i fy ngeni yn Aberystwyth", "dwi'n taflu fy hun i mewn i'r gwaith",
  ])
  func idiomsAreNotCaught(text: String) throws {
    #expect((try Self.crisis()).matches(in: text).isEmpty, "\(text)")
  }

  @Test func theScreenReadsWelshAndEnglishTogether() throws {
    let screen = try Self.screen()
    #expect(screen.read("poen yn fy mrest") == .flags(confirm: ["chest_pain"], certain: []))
    #expect(screen.read("poen yn y chest") == .flags(confirm: ["chest_pain"], certain: []))
    #expect(screen.read("na, ond mae fy mrest yn dynn") == .flags(confirm: ["chest_pain"], certain: []))
    #expect(screen.read("dwi isio marw") == .flags(confirm: [], certain: ["suicidal_thoughts"]))
    #expect(screen.read("ddim yn siŵr") == .unsure)
    #expect(screen.read("oes") == .unsure)
    for none in ["na", "nac oes", "nag ydw", "dim un o'r rhain", "dim byd", "no"] {
      #expect(screen.read(none) == .none, "\(none)")
    }
  }
}
