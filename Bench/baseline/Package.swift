// swift-tools-version:6.1
import PackageDescription

// The benchmark's baseline: the least a Swift program can do for the same job
// (print a prompt, read the answers from stdin, write a record and a letter
// atomically). No dependencies.
//
// - `baseline` imports Foundation, as second-opinion does: the reference the
//   targets are measured against.
// - `baseline-bare` imports only Glibc: the floor of a Swift process, reported
//   for information (how much of start-up is Foundation itself).
let package = Package(
  name: "baseline",
  targets: [
    .executableTarget(name: "baseline"),
    .executableTarget(name: "baseline-bare"),
  ],
  swiftLanguageModes: [.v6]
)
