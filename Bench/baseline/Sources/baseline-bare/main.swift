// The bare baseline (Glibc only, no Foundation): the same job as `baseline`,
// to show the floor of a Swift process. Usage: baseline-bare --out DIR
import Glibc

let arguments = CommandLine.arguments
guard let flag = arguments.firstIndex(of: "--out"), flag + 1 < arguments.count else {
  _ = writeAll(STDERR_FILENO, Array("usage: baseline-bare --out DIR\n".utf8))
  exit(64)
}
let folder = arguments[flag + 1]

func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
    if written < 0 {
      if errno == EINTR { continue }
      return false
    }
    offset += written
  }
  return true
}

func say(_ text: String) { _ = writeAll(STDOUT_FILENO, Array(text.utf8)) }

func writeAtomically(_ text: String, to name: String) {
  let temporary = folder + "/.\(name).\(getpid()).tmp"
  let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
  guard fd >= 0 else {
    perror(temporary)
    exit(7)
  }
  fchmod(fd, 0o600)
  guard writeAll(fd, Array(text.utf8)), fsync(fd) == 0, close(fd) == 0,
    rename(temporary, folder + "/" + name) == 0
  else {
    perror(name)
    exit(7)
  }
  let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  if directory >= 0 {
    fsync(directory)
    close(directory)
  }
}

func quoted(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    default:
      if scalar.value < 0x20 {
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
  }
  return out + "\""
}

say("Second opinion (baseline)\n\n[Question 1]\nFirst, for your safety: is any of these happening right now?\n")
var answers: [String] = []
while let line = readLine() {
  answers.append(line)
  say("[Question \(answers.count + 1)]\n")
}

mkdir(folder, 0o700)
writeAtomically(
  "{\n  \"answers\" : [\n" + answers.map { "    " + quoted($0) }.joined(separator: ",\n")
    + "\n  ],\n  \"schemaVersion\" : 1\n}\n", to: "record.json")
writeAtomically("# Referral\n\n" + answers.map { "- \($0)\n" }.joined(), to: "letter.md")
say("\nSaved:\n  \(folder)/record.json\n  \(folder)/letter.md\n")
