/// What a person's own words at the red-flag screen say (see `RedFlagReader`).
public enum RedFlagReading: Sendable, Equatable {
  /// Words that name red flags. `confirm` are read from a description and
  /// are shown back for one yes/no confirmation; `certain` come from a
  /// disclosure of crisis and are taken at their word.
  case flags(confirm: [String], certain: [String])
  /// Words of doubt: each flag is asked on its own.
  case unsure
  /// Words that say none of the flags is happening.
  case none
  /// Nothing the grammars know: the screen asks again, with the reason.
  case unrecognised
}
