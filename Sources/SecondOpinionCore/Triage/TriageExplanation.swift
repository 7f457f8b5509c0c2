/// The triage path of a record, in words, for `second-opinion explain`.
public enum TriageExplanation {
  /// The explanation text.
  public static func text(_ triage: TriageResult) -> String {
    var out = "Urgency: \(triage.urgency.rawValue)"
    if let mapping = triage.mapping {
      out += " (\(mapping.timeframe); NHS e-Referral: \(mapping.eReferral); FHIR: \(mapping.fhir))"
    }
    out += "\nDelay risk: \(triage.delayRisk.rawValue)\n"
    for (tree, title) in [("urgency", "How the urgency was reached"), ("delayRisk", "How the delay risk was reached")] {
      out += "\n\(title):\n"
      var number = 1
      for step in triage.path where step.tree == tree {
        switch step.result {
        case "leaf":
          out += "  => \(step.ask.uppercased()) (\(step.node)): \(step.reason)\n"
        default:
          out += "  \(number). \(step.ask) \(step.result.uppercased()). \(step.reason)\n"
          number += 1
        }
      }
    }
    if let deadline = triage.decisionDeadline {
      let text = deadline.text(wait: triage.expectedWait)
      out += "\nDecision deadline: \(text.prefix(1).lowercased() + text.dropFirst())\n"
    } else if let wait = triage.expectedWait {
      out += "\nExpected wait: \(wait.text)\n"
    }
    out += "\nAssumptions:\n" + triage.assumptions.map { "  - \($0)\n" }.joined()
    out += "\nThis triage supports, and does not replace, a clinician's judgement.\n"
    return out
  }
}
