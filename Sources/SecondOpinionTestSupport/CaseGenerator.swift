import SecondOpinionCases
import SecondOpinionCore

/// Generates random cases that complete, for benchmarks: walks an
/// `InterviewSession` from the first question, choosing for each question a
/// random answer of its kind that the parser accepts (a choice by number or by
/// name, several choices or the exclusive one, yes or no, a date in the
/// question's range, a valid NHS number, a postcode, a phone number, a name,
/// a number within its limits, and now and then "not sure", "prefer not to
/// say" or a blank where the question allows it), then submits at the review.
/// The expected triage is what the finished session gives, so every generated
/// case passes when run through `CaseRunner`. Deterministic for a given seed.
/// A case is given as exact `input` lines, or with `keyed` as `answers` by
/// question id (a blank answer to an optional question left out, as the case
/// library writes them); both type the same lines.
public struct CaseGenerator {
  /// A small, fast, seeded generator (SplitMix64), so runs are repeatable.
  public struct Random: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// The seeds cases are generated for.
  public let seeds: SeedBundle
  /// The share of cases allowed to end as an emergency when an answer would
  /// fire a stop rule (otherwise another answer is chosen).
  public var emergencyShare: Double
  /// Whether cases give `answers` by question id rather than `input` lines.
  public var keyed: Bool
  private var random: Random
  private var made = 0

  private static let words = [
    "tired", "headaches", "since", "spring", "the", "clinic", "said", "follow", "up", "scan", "results", "knee",
    "shoulder", "pain", "worse", "mornings", "tablets", "twice", "daily", "consultant", "letter", "waiting", "months",
    "hospital", "ward", "physio", "helped", "little", "sleep", "poorly", "appetite", "fine", "walking", "stairs",
  ]
  private static let firstNames = ["Sam", "Alex", "Priya", "Jo", "Mohammed", "Aisha", "Tom", "Mary-Ann", "Siobhan"]
  private static let lastNames = ["Taylor", "Patel", "O'Brien", "Jones", "Smith", "Nowak", "Okafor", "Evans"]
  private static let letters = Array("ABCDEFGHJKLMNOPRSTUWYZ")

  /// Creates a generator.
  /// - Parameters:
  ///   - seeds: the seeds to generate cases for.
  ///   - seed: the PRNG seed; the same seed gives the same cases.
  ///   - emergencyShare: the share of stop-rule answers kept (default 0.1).
  ///   - keyed: give `answers` by question id instead of `input` lines (default false).
  public init(seeds: SeedBundle, seed: UInt64, emergencyShare: Double = 0.1, keyed: Bool = false) {
    self.seeds = seeds
    self.emergencyShare = emergencyShare
    self.keyed = keyed
    self.random = Random(seed: seed)
  }

  /// The next generated case, with the triage it must give.
  public mutating func next() -> CaseDefinition {
    made += 1
    let voice: Voice = chance(0.5) ? .patient : .receptionist
    let today =
      CalendarDate.adding(days: int(-365...365), to: CaseDefinition.defaultToday) ?? CaseDefinition.defaultToday
    var session = InterviewSession(seeds: seeds, voice: voice, today: today)
    var lines: [String] = []
    var answers: [String: String] = [:]
    let allowStops = chance(emergencyShare)
    while let question = session.current {
      var attempt = 0
      while true {
        let typed = answer(question, today: today, attempt: attempt)
        // Doubt at the red-flag screen makes the driver ask each flag on its
        // own, lines the session does not see: choose another answer.
        if walksRedFlags(question, typed) {
          attempt += 1
          continue
        }
        var trial = session
        let outcome = trial.apply(typed)
        attempt += 1
        switch outcome {
        case .accepted: break
        case .stopped: if !allowStops && attempt < 50 { continue }
        case .rejected: if attempt < 200 { continue } else { preconditionFailure("no accepted answer") }
        }
        session = trial
        lines.append(typed)
        if !typed.isEmpty { answers[question.id] = typed }
        break
      }
    }
    if session.stoppedBy == nil { lines.append("submit") }
    let record = RecordBuilder(seeds: seeds).build(
      session: session, id: "generated", createdAt: today, channel: .pipe, operatorName: nil, shown: [])
    let expect = CaseExpectation(
      urgency: record.triage.urgency, delayRisk: record.triage.delayRisk, status: record.status,
      urgencyLeaf: record.triage.urgencyLeaf, delayRiskLeaf: record.triage.delayRiskLeaf, letterContains: nil,
      screenContains: nil)
    let title = "generated case \(made)"
    let operatorName = voice == .receptionist ? "A Jones" : nil
    if keyed {
      return CaseDefinition(
        title: title, mode: voice, today: today, operator: operatorName, answers: answers, expect: expect, file: nil)
    }
    return CaseDefinition(
      title: title, mode: voice, today: today, operator: operatorName, input: lines.joined(separator: "\n") + "\n",
      expect: expect, file: nil)
  }

  /// Whether the driver reads `typed` at `question` as doubt at the red-flag
  /// screen (a question whose choices declare red flags), which it walks flag
  /// by flag with questions of its own.
  private func walksRedFlags(_ question: Question, _ typed: String) -> Bool {
    guard let reader = seeds.redFlagWords, (question.choices ?? []).contains(where: { $0.redFlag != nil }) else {
      return false
    }
    return reader.read(TextSanitizer.clean(typed)) == .unsure
  }

  /// A random answer of the question's kind; later attempts use the plainest forms.
  private mutating func answer(_ question: Question, today: String, attempt: Int) -> String {
    if attempt < 3 {
      if question.allowsUnknown, chance(0.05) { return "not sure" }
      if question.allowsDecline, chance(0.04) { return "prefer not to say" }
      if question.isOptional, chance(0.1) { return "" }
    }
    let plain = attempt >= 3
    switch question.type {
    case .yesNo:
      return pick(plain ? ["yes", "no"] : ["yes", "no", "y", "n", "yeah", "nope"])
    case .singleChoice:
      let choices = question.choices ?? []
      let index = int(0...(choices.count - 1))
      if !plain, chance(0.3) { return choices[index].id.replacingOccurrences(of: "_", with: " ") }
      return String(index + 1)
    case .multipleChoice:
      let choices = question.choices ?? []
      let exclusive = choices.indices.filter { choices[$0].exclusive == true }
      let others = choices.indices.filter { choices[$0].exclusive != true }
      if !exclusive.isEmpty, others.isEmpty || chance(0.4) { return String(pick(exclusive) + 1) }
      var chosen: [Int] = []
      for _ in 0..<int(1...min(3, others.count)) {
        let index = pick(others)
        if !chosen.contains(index) { chosen.append(index) }
      }
      return chosen.sorted().map { String($0 + 1) }.joined(separator: ", ")
    case .number:
      let low = question.minimum ?? 0
      let high = max(question.maximum ?? low + 100, low)
      return String(int(low...high))
    case .date:
      let days: Int
      switch question.dateRange ?? .any {
      case .past: days = -int(0...max(0, ((question.maxAgeYears ?? 11) - 1) * 365))
      case .future: days = int(1...400)
      case .any: days = int(-3650...3650)
      }
      let iso = CalendarDate.adding(days: days, to: today) ?? today
      guard let parts = CalendarDate.components(iso) else { return iso }
      if !plain, chance(0.2) { return iso }
      return Self.twoDigits(parts.day) + "/" + Self.twoDigits(parts.month) + "/" + String(parts.year)
    case .text:
      let text = self.text(question.format ?? .plain)
      return String(text.prefix(question.lengthLimit))
    }
  }

  private mutating func text(_ format: TextFormat) -> String {
    switch format {
    case .plain:
      return (0..<int(1...8)).map { _ in pick(Self.words) }.joined(separator: " ")
    case .name:
      return pick(Self.firstNames) + " " + pick(Self.lastNames)
    case .nhsNumber:
      while true {
        let digits = (0..<9).map { _ in int(0...9) }
        let sum = (0..<9).reduce(0) { $0 + digits[$1] * (10 - $1) }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        guard check != 10 else { continue }
        let all = (digits + [check]).map(String.init).joined()
        return String(all.prefix(3)) + " " + String(all.dropFirst(3).prefix(3)) + " " + String(all.suffix(4))
      }
    case .postcode:
      let outward =
        pick(["A9", "A99", "AA9", "AA99", "A9A", "AA9A"]).map {
          $0 == "A" ? String(pick(Self.letters)) : String(int(0...9))
        }
        .joined()
      return outward + " " + String(int(0...9)) + String(pick(Self.letters)) + String(pick(Self.letters))
    case .phone:
      let rest = (0..<9).map { _ in String(int(0...9)) }.joined()
      return chance(0.5) ? "07" + rest : "020 " + String(rest.prefix(4)) + " " + String(rest.suffix(4))
    }
  }

  private mutating func chance(_ probability: Double) -> Bool {
    Double(random.next() >> 11) / Double(1 << 53) < probability
  }

  private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

  private mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
