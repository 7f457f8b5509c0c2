import Foundation

/// The short reference a person is given when an interview is submitted, for
/// reading aloud and for staff to find the record by: the last eight
/// characters of the record id (its random part, in Crockford base32, which
/// has no I, L, O or U), in two groups of four, e.g. `K7F3 QX2M` for
/// `SO-20261125T033549Z-K7F3QX2M`. It is derived from the id alone, so
/// nothing else needs to be stored to look it up.
public enum RecordReference {
  /// The reference of a record id: its last eight characters, grouped.
  public static func make(for id: String) -> String {
    let tail = String(id.suffix(8))
    return String(tail.prefix(4)) + " " + String(tail.dropFirst(4))
  }

  /// What was typed, as an id or a reference is compared: upper case, with
  /// spaces and a hyphen or dot between groups ignored, and the letters
  /// Crockford base32 reads as digits (O as 0, I and L as 1) read so.
  public static func normalised(_ typed: String) -> String {
    var out = ""
    for character in typed.uppercased() {
      switch character {
      case " ", "\t": continue
      case "O": out.append("0")
      case "I", "L": out.append("1")
      default: out.append(character)
      }
    }
    return out
  }

  /// What a lookup found among ids.
  public enum Match: Equatable, Sendable {
    /// Exactly one id.
    case one(String)
    /// None.
    case none
    /// Several: the typed text is a prefix of each (ids sorted).
    case several([String])
  }

  /// Finds the id `typed` names among `ids`: the whole id, a prefix of it
  /// (`SO-20261125T10`), or its reference (`K7F3 QX2M`, `k7f3-qx2m`). An
  /// exact id or reference wins over prefixes it shares with others.
  public static func resolve(_ typed: String, among ids: [String]) -> Match {
    let given = typed.trimmingCharacters(in: .whitespaces).uppercased()
    guard !given.isEmpty else { return .none }
    let unique = Array(Set(ids)).sorted()
    if unique.contains(given) { return .one(given) }
    let reference = normalised(given).replacingOccurrences(of: "-", with: "")
    let byReference = unique.filter { reference.count == 8 && $0.suffix(8) == reference }
    if byReference.count == 1 { return .one(byReference[0]) }
    let byPrefix = unique.filter { $0.hasPrefix(given) }
    let found = Array(Set(byReference + byPrefix)).sorted()
    switch found.count {
    case 0: return .none
    case 1: return .one(found[0])
    default: return .several(found)
    }
  }
}
