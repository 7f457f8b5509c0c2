// The baseline (with Foundation): prints the first question, reads every
// answer line from stdin, then writes OUT/record.json and OUT/letter.md
// atomically (temporary file 0600, fsync, rename, fsync of the folder).
// Usage: baseline --out DIR
import Foundation

let arguments = CommandLine.arguments
guard let flag = arguments.firstIndex(of: "--out"), flag + 1 < arguments.count else {
  FileHandle.standardError.write(Data("usage: baseline --out DIR\n".utf8))
  exit(64)
}
let folder = arguments[flag + 1]

func say(_ text: String) {
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let written = bytes.withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    if written < 0 {
      if errno == EINTR { continue }
      return
    }
    bytes = bytes.dropFirst(written)
  }
}

func writeAtomically(_ data: Data, to name: String) {
  let temporary = folder + "/.\(name).\(getpid()).tmp"
  let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
  guard fd >= 0 else {
    perror(temporary)
    exit(7)
  }
  fchmod(fd, 0o600)
  var offset = 0
  while offset < data.count {
    let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, data.count - offset) }
    if written < 0 {
      if errno == EINTR { continue }
      perror(temporary)
      exit(7)
    }
    offset += written
  }
  guard fsync(fd) == 0, close(fd) == 0, rename(temporary, folder + "/" + name) == 0 else {
    perror(name)
    exit(7)
  }
  let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  if directory >= 0 {
    fsync(directory)
    close(directory)
  }
}

say("Second opinion (baseline)\n\n[Question 1]\nFirst, for your safety: is any of these happening right now?\n")
var answers: [String] = []
while let line = readLine() {
  answers.append(line)
  say("[Question \(answers.count + 1)]\n")
}

try? FileManager.default.createDirectory(
  atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
let record: [String: Any] = ["schemaVersion": 1, "answers": answers]
guard
  let json = try? JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
else { exit(1) }
writeAtomically(json + Data("\n".utf8), to: "record.json")
writeAtomically(Data(("# Referral\n\n" + answers.map { "- \($0)\n" }.joined()).utf8), to: "letter.md")
say("\nSaved:\n  \(folder)/record.json\n  \(folder)/letter.md\n")
