import SecondOpinionCore

/// Every urgency level is mapped onto the public scales, with a FHIR
/// request-priority code.
public enum UrgencyMappingRule: DefinitionRule {
  public static func defects(in definitions: DefinitionIndex) -> [SeedError] {
    let triage = definitions.seeds.triage
    var found: [SeedError] = []
    let codes: Set<String> = ["routine", "urgent", "asap", "stat"]
    for level in Urgency.allCases {
      guard let index = triage.mappings.firstIndex(where: { $0.level == level }) else {
        found.append(SeedError(file: SeedLoader.triageFile, message: "urgency `\(level.rawValue)` has no mapping"))
        continue
      }
      let mapping = triage.mappings[index]
      if !codes.contains(mapping.fhir) {
        found.append(
          SeedError(
            file: SeedLoader.triageFile, line: index < triage.mappingLines.count ? triage.mappingLines[index] : nil,
            message: "urgency `\(level.rawValue)` maps to `\(mapping.fhir)`, not a FHIR request-priority code"))
      }
    }
    return found
  }
}
