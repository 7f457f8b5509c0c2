import Foundation
import SecondOpinionCore
import SecondOpinionLetters

/// Fuzz harness (a): the interview session and driver fed random answer
/// streams. The input is split on newlines into the lines a pipe would give;
/// an input whose first line is `#receptionist` runs in the receptionist voice.
/// Checks: the run ends (every outcome is fine), nothing typed that is a
/// control character reaches the screen, the record or the letters.
enum InterviewHarness {
  nonisolated(unsafe) static var seeds: SeedBundle?

  static func run(_ text: String) {
    let bundle = seeds ?? FuzzSupport.loadSeeds()
    seeds = bundle
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var voice = Voice.patient
    if lines.first == "#receptionist" {
      voice = .receptionist
      lines.removeFirst()
    }
    let sink = StringSink()
    let session = InterviewSession(seeds: bundle, voice: voice, today: FuzzSupport.today)
    let driver = InterviewDriver(
      session: session, input: ScriptedLines(lines), output: sink,
      options: DriverOptions(channel: .pipe, maxAttempts: 20))
    let outcome = driver.run()
    FuzzSupport.requireInert(sink.text, newlines: true, "the screen output")
    switch outcome {
    case .completed, .emergency:
      let record = RecordBuilder(seeds: bundle).build(
        session: driver.session, id: "SO-20261125T100000Z-00000000", createdAt: "2026-11-25T10:00:00Z",
        channel: .pipe, operatorName: voice == .receptionist ? "Fuzz Operator" : nil, shown: driver.shown)
      for answer in record.answers {
        FuzzSupport.requireInert(answer.typed, newlines: false, "the typed answer to \(answer.questionId)")
        FuzzSupport.requireInert(answer.display, newlines: false, "the display of \(answer.questionId)")
      }
      do {
        let json = try RecordBuilder.encode(record)
        let decoded = try RecordBuilder.decode(json)
        FuzzSupport.require(decoded == record, "the record does not survive a JSON round trip")
        // The PDF is typeset by its own edge (cairo and pango), not in this
        // build; its text is tested by Tests/python/test_pdf.py.
        for format in LetterFormat.allCases where format != .pdf {
          let data = try LetterRenderer.render(record, layout: bundle.letter, as: format)
          let letter = String(decoding: data, as: UTF8.self)
          FuzzSupport.requireInert(letter, newlines: true, "the \(format.rawValue) letter")
        }
      } catch {
        FuzzSupport.require(false, "the record could not be encoded or rendered: \(error)")
      }
    case .endedEarly, .tooManyAttempts, .tooManyLines:
      break
    case .interrupted, .idle, .restart:
      FuzzSupport.require(false, "a scripted run cannot be interrupted, idle or restarted: \(outcome)")
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterview(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  InterviewHarness.run(FuzzSupport.text(data, size))
  return 0
}
