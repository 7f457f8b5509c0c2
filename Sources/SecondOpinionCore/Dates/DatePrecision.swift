/// How precise a date answer is, and, on a question, the least precise answer
/// it accepts (`precision:` in seeds/interview.yaml; default `day`).
public enum DatePrecision: String, Codable, Sendable, Comparable, CaseIterable {
  /// The day, month and year, all typed (a date of birth): a year is never
  /// filled in for the person.
  case full
  /// A real day. "22 Dec" without a year is read as the nearest occurrence in
  /// the question's direction (the last one for a past date, the next for a
  /// future one) and refused when the question takes any date.
  case day
  /// A month and year ("March 2019"), stored as ISO `2019-03`.
  case month
  /// A year alone ("2019"), stored as ISO `2019`.
  case year

  /// The precision of an ISO 8601 date string (`2019`, `2019-03`, `2019-03-03`),
  /// or nil when it is none of these shapes. A full date is `day`.
  public static func of(_ iso: String) -> DatePrecision? {
    let bytes = Array(iso.utf8)
    func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
    switch bytes.count {
    case 4 where digits(0..<4): return .year
    case 7 where digits(0..<4) && bytes[4] == 0x2D && digits(5..<7): return .month
    case 10 where digits(0..<4) && bytes[4] == 0x2D && digits(5..<7) && bytes[7] == 0x2D && digits(8..<10):
      return .day
    default: return nil
    }
  }

  private var rank: Int {
    switch self {
    case .full: return 0
    case .day: return 1
    case .month: return 2
    case .year: return 3
    }
  }

  /// Ordered from the most precise (`full`) to the least (`year`).
  public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.rank < rhs.rank }
}
