// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "second-opinion",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "second-opinion", targets: ["second-opinion"]),
    .library(name: "SecondOpinionCore", targets: ["SecondOpinionCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // Pure core: interview definitions, session state machine, parsing, triage,
    // record and renderers. No terminal, no files.
    .target(
      name: "SecondOpinionCore",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    // Test and benchmark support: random complete cases for property tests
    // and the bench. Not part of the product.
    .target(
      name: "SecondOpinionTestSupport",
      dependencies: ["SecondOpinionCore"]
    ),
    // GNU readline, linked from the system.
    .systemLibrary(
      name: "CReadline",
      pkgConfig: "readline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // C glue for readline's callback interface and signal flags.
    .target(
      name: "CTerminalShim",
      dependencies: ["CReadline"]
    ),
    // Terminal edge: line readers (readline or plain), prompts, signals, kiosk.
    .target(
      name: "SecondOpinionTerminal",
      dependencies: ["SecondOpinionCore", "CReadline", "CTerminalShim"]
    ),
    // Storage edge: atomic owner-only writes, drafts, seeds on disk.
    .target(
      name: "SecondOpinionStorage",
      dependencies: ["SecondOpinionCore"]
    ),
    // Thin executable: commands, wiring, exit codes.
    .executableTarget(
      name: "second-opinion",
      dependencies: [
        "SecondOpinionCore", "SecondOpinionTerminal", "SecondOpinionStorage",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "SecondOpinionCoreTests",
      dependencies: ["SecondOpinionCore", "SecondOpinionStorage", "SecondOpinionTestSupport"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["second-opinion", "SecondOpinionCore", "SecondOpinionStorage"],
      exclude: ["Golden", "Scripts"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
