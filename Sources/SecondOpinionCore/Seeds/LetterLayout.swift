/// The referral letter's headings, in order, from seeds/letter.yaml.
public struct LetterLayout: Codable, Sendable, Equatable {
  /// One heading of the letter.
  public struct Heading: Codable, Sendable, Equatable {
    /// Stable id that questions name in `heading`.
    public var id: String
    /// The heading as printed.
    public var title: String
    /// Whether the PRSB standard makes it mandatory (printed even when empty).
    public var mandatory: Bool
    /// What to print when it has no answers ("Not known").
    public var empty: String?
    /// What fills it: `answers` (default), `referral`, `triage`, `alerts`,
    /// `advice`, `completedBy` or `distribution`.
    public var source: String?
    /// The line in the YAML file where the heading starts (filled by the loader).
    public var line: Int?
  }

  /// The letter's title.
  public var title: String
  /// Headings in the order printed.
  public var headings: [Heading]
  /// The closing statement that triage supports, not replaces, judgement.
  public var disclaimer: String
  /// Who receives copies.
  public var distribution: [String]
}
