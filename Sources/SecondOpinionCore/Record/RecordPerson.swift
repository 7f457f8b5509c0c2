/// The person completing the record (PRSB: "person completing record").
public struct RecordPerson: Codable, Sendable, Equatable {
  /// `patient` (self-completed) or `receptionist`.
  public var role: String
  /// Their name, where known (the receptionist's `--operator`).
  public var name: String?
}
