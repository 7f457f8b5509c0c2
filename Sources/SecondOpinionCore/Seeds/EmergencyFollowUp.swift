/// The questions asked after a stop rule fires, once the alert is shown: in
/// receptionist mode, who is calling, a call-back number and the patient's
/// name, so the practice can reach the caller while 999 is called. Declared in
/// the `afterEmergency:` section of seeds/interview.yaml, by voice, as ids of
/// questions of the interview. Each is asked in the order listed, whatever its
/// `when`, only if it has no answer yet, and can be skipped with Enter (a
/// skipped one is recorded as skipped). Nothing typed there can stop the
/// emergency record being written.
extension InterviewDefinition {
  /// The seeds' answer words, or none (then nothing is read as yes or no).
  public var answerWords: AnswerWords { words ?? AnswerWords() }

  /// The follow-up questions of a voice, in order, each made skippable.
  public func emergencyFollowUp(for voice: Voice) -> [Question] {
    (afterEmergency?[voice.rawValue] ?? []).compactMap { id in
      guard var question = question(id) else { return nil }
      question.optional = true
      return question
    }
  }
}

extension SeedLoader {
  /// Refuses seeds whose `words:` are missing, have an empty list, or put one
  /// word in two lists (it would mean two things), and an `afterEmergency:`
  /// naming a voice or a question the interview does not have.
  /// - Throws: `SeedError` naming interview.yaml and the line of the section.
  static func checkWordsAndFollowUp(_ definition: InterviewDefinition, wordsLine: Int?, followUpLine: Int?) throws {
    guard let words = definition.words else {
      throw SeedError(
        file: interviewFile,
        message: "`words:` is missing: the words for yes, no, not sure, prefer not to say and skip")
    }
    if let problem = words.dates.problem { throw SeedError(file: interviewFile, line: wordsLine, message: problem) }
    var seen: [String: String] = [:]
    for (name, list) in words.named {
      if list.isEmpty, name != "skip" {
        throw SeedError(file: interviewFile, line: wordsLine, message: "`words.\(name)` has no words")
      }
      for word in list.sorted() {
        if let other = seen[word] {
          throw SeedError(
            file: interviewFile, line: wordsLine,
            message: "the word \"\(word)\" is in both `words.\(other)` and `words.\(name)`: it would mean two things")
        }
        seen[word] = name
      }
    }
    for (voice, ids) in (definition.afterEmergency ?? [:]).sorted(by: { $0.key < $1.key }) {
      guard Voice(rawValue: voice) != nil else {
        throw SeedError(
          file: interviewFile, line: followUpLine,
          message: "`afterEmergency` names `\(voice)`, which is not a voice (patient or receptionist)")
      }
      for id in ids where definition.question(id) == nil {
        throw SeedError(
          file: interviewFile, line: followUpLine,
          message: "`afterEmergency.\(voice)` names question `\(id)`, which the interview does not have")
      }
    }
  }
}
