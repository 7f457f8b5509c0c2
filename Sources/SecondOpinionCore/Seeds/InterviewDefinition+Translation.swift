extension InterviewDefinition {
  /// The definition in another language: every string the translation gives
  /// replaces the English one (questions, help, labels, examples, choices and
  /// their synonyms, safety messages, section titles, interface wording and
  /// the answer words); ids, conditions, order and everything the triage reads
  /// stay the same, so a session in either language branches and scores
  /// alike. A string the translation lacks stays English (`check` refuses a
  /// translation with any gap, so a checked interview never shows one).
  public func translated(_ translation: Translation) -> InterviewDefinition {
    var result = self
    result.title = Self.merge(title, translation.title)
    result.introduction = Self.merge(introduction, translation.introduction)
    for index in result.questions.indices {
      guard let strings = translation.questions?[questions[index].id] else { continue }
      var question = result.questions[index]
      if let label = strings.label, !label.isEmpty { question.label = label }
      question.text = Self.merge(question.text, strings.text)
      question.help = Self.merge(question.help, strings.help)
      if let example = strings.example, question.example != nil { question.example = example }
      question.choices = question.choices?.map { choice in
        guard let other = strings.choices?[choice.id] else { return choice }
        var translated = choice
        if let label = other.label { translated.label = Self.merge(choice.label, label) }
        if let synonyms = other.synonyms { translated.synonyms = synonyms }
        return translated
      }
      result.questions[index] = question
    }
    for index in result.messages.indices {
      guard let strings = translation.messages?[messages[index].id] else { continue }
      if let title = strings.title { result.messages[index].title = title }
      if let patient = strings.patient { result.messages[index].patient = patient }
      if let kiosk = strings.kiosk, messages[index].kiosk != nil { result.messages[index].kiosk = kiosk }
      if let receptionist = strings.receptionist { result.messages[index].receptionist = receptionist }
    }
    for index in (result.sections ?? []).indices {
      guard let section = result.sections?[index], let title = translation.sections?[section.id]?.title else {
        continue
      }
      result.sections?[index].title = Self.merge(section.title, title)
    }
    for (key, text) in translation.wording ?? [:] {
      result.wording?[key] = Self.merge(wording?[key] ?? text, text)
    }
    if let words = translation.words { result.words = words }
    return result
  }

  /// The translated wording voice by voice: a voice the translation gives
  /// replaces the English one; a single translated string serves both.
  static func merge(_ english: VoiceText, _ other: VoiceText?) -> VoiceText {
    guard let other else { return english }
    if other.shared { return other }
    var result = english
    if other.has(.patient) { result.patient = other.patient }
    if other.has(.receptionist) { result.receptionist = other.receptionist }
    result.shared = false
    return result
  }
}
