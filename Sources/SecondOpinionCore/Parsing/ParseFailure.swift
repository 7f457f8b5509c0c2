/// Why an answer was not accepted, and an example of one that would be.
public struct ParseFailure: Error, Sendable, Equatable {
  /// What was wrong, in words a patient can act on.
  public var reason: String
  /// An example of an accepted answer.
  public var example: String

  /// Creates a failure.
  public init(_ reason: String, example: String) {
    self.reason = reason
    self.example = example
  }
}
