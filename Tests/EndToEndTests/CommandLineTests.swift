import Foundation
import Testing

/// The command line itself: `--version`, help that hides test settings and
/// explains the interview's words and exit codes, shell completion, the
/// default output folder (XDG, outside any checkout), the drafts listing,
/// `resume` by a unique start of an id, and finding a record by the
/// reference the person was given.
@Suite("Command line", .serialized)
struct CommandLineTests {
  static let first = "SO-20261125T093000Z-ABCD1234"
  static let second = "SO-20261125T094500Z-ABCD5678"

  /// An output folder holding two receptionist drafts (0700 and 0600, as the
  /// program writes them), both waiting at the patient's date of birth.
  func foldersWithDrafts() throws -> URL {
    let out = BinaryRunner.temporaryFolder().appendingPathComponent("out")
    let drafts = out.appendingPathComponent("drafts")
    try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
    for folder in [out, drafts] { chmod(folder.path, 0o700) }
    for (id, saved) in [(Self.first, "2026-11-25T09:31:00Z"), (Self.second, "2026-07-01T10:03:00Z")] {
      let draft: [String: Any] = [
        "schemaVersion": 1, "id": id, "mode": "receptionist", "operator": "Aisha Khan",
        "createdAt": saved, "savedAt": saved, "today": String(saved.prefix(10)),
        "answers": [
          ["questionId": "red_flags", "typed": "none"], ["questionId": "caller_relationship", "typed": "2"],
          ["questionId": "caller_name", "typed": "Pat Jones"], ["questionId": "callback_number", "typed": ""],
          ["questionId": "patient_consent", "typed": "yes"], ["questionId": "patient_capacity", "typed": "1"],
          ["questionId": "full_name", "typed": "Sam Taylor"],
        ],
        "waitingAt": "date_of_birth", "reason": "hang-up",
      ]
      let file = drafts.appendingPathComponent(id + ".draft.json")
      try JSONSerialization.data(withJSONObject: draft).write(to: file)
      chmod(file.path, 0o600)
    }
    return out
  }

  @Test func versionAndHelp() throws {
    let version = try BinaryRunner.run(["--version"], lines: [])
    #expect(version.status == 0)
    #expect(version.stdout.range(of: #"^second-opinion [0-9]+\.[0-9]+\.[0-9]+ "#, options: .regularExpression) != nil)
    let help = try BinaryRunner.run(["interview", "--help"], lines: [])
    #expect(help.status == 0)
    #expect(!help.stdout.contains("--now"), "a test setting is in the help")
    let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for words in [
      "type ? (or help)", "back to go back", "submit to send", "Exit codes: 0 submitted", "8 receptionist draft saved",
    ] {
      #expect(flat.contains(words), "interview --help does not say \(words)")
    }
    let kiosk = try BinaryRunner.run(["kiosk", "--help"], lines: [])
    #expect(!kiosk.stdout.contains("--now"))
    // The hidden option still works.
    let fixed = try BinaryRunner.run(
      ["interview", "--now", "not a time", "--out", BinaryRunner.temporaryFolder().path], lines: [])
    #expect(fixed.status == 64)
    for shell in ["bash", "zsh", "fish"] {
      let completion = try BinaryRunner.run(["--generate-completion-script", shell], lines: [])
      #expect(completion.status == 0 && completion.stdout.contains("second-opinion"), "\(shell)")
    }
  }

  @Test func theDefaultOutputFolderIsTheXDGDataFolder() throws {
    let lines = try PipedInterviewTests.lines("patient-cancer")
    let home = BinaryRunner.temporaryFolder()
    let id = "SO-20261125T100000Z-00000000"
    let byHome = try BinaryRunner.run(["interview"], lines: lines, environment: ["HOME": home.path])
    #expect(byHome.status == 0, "\(byHome.stderr)")
    let records = home.appendingPathComponent(".local/share/second-opinion/records")
    #expect(FileManager.default.fileExists(atPath: records.appendingPathComponent("\(id)/\(id).json").path))
    var info = stat()
    #expect(stat(records.path, &info) == 0 && info.st_mode & 0o077 == 0, "the records folder is not owner-only")
    let data = BinaryRunner.temporaryFolder()
    let byXDG = try BinaryRunner.run(
      ["interview"], lines: lines, environment: ["HOME": home.path, "XDG_DATA_HOME": data.path])
    #expect(byXDG.status == 0, "\(byXDG.stderr)")
    #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("second-opinion/records/\(id)").path))
    // A relative XDG_DATA_HOME is ignored, as the specification says.
    let elsewhere = BinaryRunner.temporaryFolder()
    let relative = try BinaryRunner.run(
      ["records"], lines: [], environment: ["HOME": elsewhere.path, "XDG_DATA_HOME": "relative"])
    #expect(relative.status == 0)
    let help = try BinaryRunner.run(["interview", "--help"], lines: [])
    #expect(help.stdout.contains("~/.local/share/second-opinion/records"))
  }

  @Test func theEndOfAPipedInterviewGivesTheReference() throws {
    let out = BinaryRunner.temporaryFolder()
    let result = try BinaryRunner.run(
      ["interview", "--out", out.path], lines: try PipedInterviewTests.lines("patient-cancer"))
    #expect(result.status == 0)
    #expect(result.stdout.contains("Your reference is 0000 0000."))
    #expect(result.stdout.contains("What happens next:"))
    // Staff find the record with it, however it is typed.
    for typed in ["0000 0000", "00000000", "oooo-oooo", "SO-20261125T10"] {
      let found = try BinaryRunner.run(["records", typed, "--out", out.path], lines: [])
      #expect(found.status == 0, "\(typed): \(found.stderr)")
      #expect(found.stdout.contains("SO-20261125T100000Z-00000000"), "\(typed)")
    }
    let missing = try BinaryRunner.run(["records", "ZZZZ ZZZZ", "--out", out.path], lines: [])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no record in"))
  }

  @Test func draftsShowNamesLocalTimesAndTheWaitingQuestion() throws {
    let out = try foldersWithDrafts()
    let result = try BinaryRunner.run(["drafts", "--out", out.path], lines: [])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("caller: Pat Jones; patient: Sam Taylor"))
    #expect(result.stdout.contains("waiting at: What is the patient's date of birth?"))
    #expect(!result.stdout.contains("date_of_birth"))
    // November is GMT, July is BST: UK local time with its zone, never UTC.
    #expect(result.stdout.contains("saved 25 Nov 2026 09:31 GMT"))
    #expect(result.stdout.contains("saved 1 Jul 2026 11:03 BST"))
    #expect(result.stdout.contains("(reference ABCD 1234)"))
    #expect(result.stdout.contains("second-opinion resume ID --out \(out.path)"))
  }

  @Test func resumeTakesAUniqueStartOfTheIdOrTheReference() throws {
    let out = try foldersWithDrafts()
    let unique = try BinaryRunner.run(["resume", "SO-20261125T0945", "--out", out.path], lines: [])
    #expect(unique.stdout.contains("Resuming draft \(Self.second)"), "\(unique.stderr)")
    #expect(unique.status == 4)
    let byReference = try BinaryRunner.run(["resume", "abcd 1234", "--out", out.path], lines: [])
    #expect(byReference.stdout.contains("Resuming draft \(Self.first)"), "\(byReference.stderr)")
    let ambiguous = try BinaryRunner.run(["resume", "SO-20261125T09", "--out", out.path], lines: [])
    #expect(ambiguous.status == 1)
    #expect(ambiguous.stderr.contains("could be any of 2 drafts"))
    #expect(ambiguous.stderr.contains(Self.first) && ambiguous.stderr.contains(Self.second))
    let none = try BinaryRunner.run(["resume", "SO-1999", "--out", out.path], lines: [])
    #expect(none.status == 1)
    #expect(none.stderr.contains("second-opinion drafts --out \(out.path)"))
    let gone = try BinaryRunner.run(["resume", "SO-20261125T100000Z-ZZZZZZZZ", "--out", out.path], lines: [])
    #expect(gone.status == 1)
    #expect(gone.stderr.contains("second-opinion drafts --out \(out.path)"), "\(gone.stderr)")
  }
}
