/// When a decision is needed, and how the expected wait compares: the
/// earliest of a decision date the patient was given and a treatment date less
/// the decision margin, never before the day of the interview.
public struct DecisionDeadline: Codable, Sendable, Equatable {
  /// The planned treatment date, ISO 8601, if one is set.
  public var treatmentDate: String?
  /// The date by which the patient was told a decision is needed, ISO 8601, if any.
  public var decisionDate: String?
  /// Which date sets the deadline: `treatment` (the treatment date less the
  /// margin) or `decision` (the decision date).
  public var basis: String?
  /// The date by which the second opinion should be in hand, ISO 8601: never
  /// before the day of the interview (when the margin would put it in the
  /// past, it is that day and `dueNow` is true).
  public var decideBy: String
  /// Days from today to the treatment date, if one is set.
  public var daysUntilTreatment: Int?
  /// Days from today to the deadline before it was held at today: negative
  /// when the margin has already passed. The trees test this number.
  public var daysLeftToDecide: Int?
  /// Whether the decision is due now (the deadline is today or has passed).
  public var dueNow: Bool?
  /// The decision margin used, in days.
  public var decisionMarginDays: Int?
  /// The expected wait for a second opinion on the chosen route, in days.
  public var expectedWaitDays: Int
  /// Whether the expected wait ends after the decide-by date.
  public var waitExceedsDeadline: Bool
  /// The assumption behind the expected wait, in words.
  public var assumption: String

  /// Creates a deadline.
  public init(
    treatmentDate: String?, decisionDate: String? = nil, basis: String? = nil, decideBy: String,
    daysUntilTreatment: Int?, daysLeftToDecide: Int? = nil, dueNow: Bool? = nil, decisionMarginDays: Int? = nil,
    expectedWaitDays: Int, waitExceedsDeadline: Bool, assumption: String
  ) {
    self.treatmentDate = treatmentDate
    self.decisionDate = decisionDate
    self.basis = basis
    self.decideBy = decideBy
    self.daysUntilTreatment = daysUntilTreatment
    self.daysLeftToDecide = daysLeftToDecide
    self.dueNow = dueNow
    self.decisionMarginDays = decisionMarginDays
    self.expectedWaitDays = expectedWaitDays
    self.waitExceedsDeadline = waitExceedsDeadline
    self.assumption = assumption
  }
}

extension DecisionDeadline {
  /// The days left to decide (older records have only the days until treatment).
  public var daysLeft: Int {
    daysLeftToDecide ?? ((daysUntilTreatment ?? 0) - (decisionMarginDays ?? 7))
  }

  /// Whether the decision is due now (the deadline is today or has passed).
  public var isDueNow: Bool { dueNow ?? (daysLeft <= 0) }

  /// The deadline in words, as the letter and `explain` print it: one date,
  /// never in the past; when the margin has passed, what to do instead.
  public var sentence: String {
    var parts: [String] = []
    let treatment = treatmentDate.map { date in
      "the planned treatment on \(CalendarDate.long(date))\(daysUntilTreatment.map { " (\(Self.inDays($0)))" } ?? "")"
    }
    if isDueNow {
      parts.append(
        "The decision is due now: contact the treating team today to ask whether the treatment can wait for a second opinion."
      )
      if basis == "decision", let decisionDate {
        parts.append("The patient was told a decision is needed by \(CalendarDate.long(decisionDate)).")
      }
      if let treatment {
        parts.append(
          "A decision is needed \(decisionMarginDays ?? 7) days before \(treatment), so no later than today.")
      }
    } else if basis == "decision", let decisionDate {
      parts.append(
        "Decide by \(CalendarDate.long(decisionDate)) (\(Self.inDays(daysLeft))), the date by which the patient was told a decision is needed."
      )
      if let treatment { parts.append("The date of \(treatment) leaves longer.") }
    } else {
      parts.append(
        "Decide by \(CalendarDate.long(decideBy)), before \(treatment ?? "the planned treatment"): \(Self.inDays(daysLeft)), keeping \(decisionMarginDays ?? 7) days before it."
      )
    }
    return parts.joined(separator: " ")
  }

  static func inDays(_ days: Int) -> String {
    days == 0 ? "today" : days == 1 ? "in 1 day" : "in \(days) days"
  }
}

extension DecisionDeadline {
  /// The deadline line of the letter and `explain`: the one decide-by date
  /// (or what to do when it is due now), then whether the expected wait, for
  /// its kind of care, fits.
  public func text(wait: ExpectedWait?) -> String {
    let fits = waitExceedsDeadline ? "does not fit" : "fits"
    var text = "\(sentence) The expected wait of \(expectedWaitDays) days \(fits) before this date."
    if let wait { text += " It is the wait for \(wait.care) (source: \(wait.source))." }
    return text
  }
}
