/// What kind of emergency a red flag is. A red flag is a choice of the
/// red-flag screen that names its class (`redFlag: physical`); stop rules and
/// triage nodes test the screen by class (`{redFlag: physical}`), so a flag
/// added to the screen is stopped on and triaged with no other edit.
public enum RedFlagClass: String, Codable, Sendable, CaseIterable {
  /// A possible medical emergency: 999 or A&E now.
  case physical
  /// A mental-health crisis: thoughts of suicide, self-harm or harming others.
  case mentalHealth = "mental_health"

  /// The classes a `{redFlag: ...}` condition names: one class, a list of
  /// them, or `any` for every class.
  /// - Returns: nil for a name that is not a class.
  public static func classes(named names: [String]) -> [RedFlagClass]? {
    var classes: [RedFlagClass] = []
    for name in names {
      if name == "any" {
        classes += allCases
      } else if let one = RedFlagClass(rawValue: name) {
        classes.append(one)
      } else {
        return nil
      }
    }
    return allCases.filter(classes.contains)
  }
}
