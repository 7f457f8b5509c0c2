import SecondOpinionCore

/// The interview's sections (`sections:` in interview.yaml) each start at a
/// question that exists, in the order of the questions, the first at the
/// first question (so every question is in one), with an id used once and a
/// title in both voices.
public enum SectionRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let interview = definitions.interview
    let sections = interview.sections ?? []
    var found: [SeedError] = []
    func defect(_ section: InterviewSection, _ message: String) {
      found.append(SeedError(file: SeedLoader.interviewFile, line: section.line, message: message))
    }
    var seen: Set<String> = []
    var previous = -1
    for (number, section) in sections.enumerated() {
      if !seen.insert(section.id).inserted { defect(section, "section id `\(section.id)` is used twice") }
      for voice in Voice.allCases where !section.title.has(voice) {
        defect(section, "section `\(section.id)` has no \(voice.rawValue) title")
      }
      guard let start = interview.index(of: section.from) else {
        defect(section, "section `\(section.id)` starts at `\(section.from)`, which is not a question")
        continue
      }
      if number == 0, start != 0 {
        defect(
          section,
          "the first section, `\(section.id)`, starts at `\(section.from)`, not at the first question, "
            + "so the questions before it are in no section")
      }
      if start <= previous {
        defect(section, "section `\(section.id)` starts at or before the question the section above it starts at")
      }
      previous = max(previous, start)
    }
    return found
  }
}
