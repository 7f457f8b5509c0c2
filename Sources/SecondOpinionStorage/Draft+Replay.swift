import SecondOpinionCore

extension Draft {
  /// Replays the saved answers in order into `session`, as the session's
  /// own replay does, and says which could not be used: a question the seeds
  /// no longer have or no longer ask there, or an answer no longer accepted.
  /// Used by `resume` and by the drafts listing, so both read a draft alike.
  public func replay(into session: inout InterviewSession) -> [String] {
    var unused: [String] = []
    for item in answers {
      guard let question = session.seeds.interview.question(item.questionId) else {
        unused.append("`\(item.questionId)` (no such question now)")
        continue
      }
      guard session.isAsked(question) else {
        unused.append("`\(item.questionId)` (not asked after the answers before it)")
        continue
      }
      if case .rejected = session.apply(TextSanitizer.clean(item.typed), to: question) {
        unused.append("`\(item.questionId)` (the answer is no longer accepted)")
      }
    }
    return unused
  }

  /// A session with this draft's answers replayed, in its voice, language
  /// and day, and the answers that could not be used; nil when its mode is
  /// not a voice or the seeds no longer have its language.
  public func session(seeds: SeedBundle) -> (session: InterviewSession, unused: [String])? {
    guard let voice = Voice(rawValue: mode), let spoken = seeds.speaking(language ?? SeedBundle.english) else {
      return nil
    }
    var session = InterviewSession(seeds: spoken, voice: voice, today: today)
    let unused = replay(into: &session)
    return (session, unused)
  }
}
