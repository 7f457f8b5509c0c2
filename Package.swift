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
    // Delivery over MESH: HTTP with mutual TLS, and the HMAC-SHA256 authorisation header.
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
  ],
  targets: [
    // Pure core: interview definitions, session state machine, parsing, triage,
    // record and renderers. No terminal, no files.
    .target(
      name: "SecondOpinionCore",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    // The letters a record is read as (Markdown, text, HTML, FHIR; PDF by the
    // PDF edge's typesetter): one LetterModel laid out as letter.yaml says,
    // and its renderers. Pure, like the core.
    .target(
      name: "SecondOpinionLetters",
      dependencies: ["SecondOpinionCore"]
    ),
    // The case library (seeds/cases/): each case run through the interview and
    // the triage, as `cases` and `check` report. Pure, like the core.
    .target(
      name: "SecondOpinionCases",
      dependencies: ["SecondOpinionLetters", "SecondOpinionCore"]
    ),
    // `check`: the rules a definition in seeds/ must keep (one rule a file),
    // each defect naming its file and line. Pure, like the core.
    .target(
      name: "SecondOpinionChecking",
      dependencies: ["SecondOpinionCore", "SecondOpinionCases"]
    ),
    // The GP Connect Send Document (ITK3) message a record travels in, and the
    // delivery state kept beside it. Pure, like the core.
    .target(
      name: "SecondOpinionMessage",
      dependencies: ["SecondOpinionLetters", "SecondOpinionCore"]
    ),
    // Test and benchmark support: random complete cases for property tests
    // and the bench. Not part of the product.
    .target(
      name: "SecondOpinionTestSupport",
      dependencies: ["SecondOpinionLetters", "SecondOpinionCore", "SecondOpinionCases", "SecondOpinionChecking"]
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
      dependencies: [
        "SecondOpinionLetters", "SecondOpinionCore", "SecondOpinionCases", "SecondOpinionChecking",
        "SecondOpinionMessage",
      ]
    ),
    // cairo and pango, linked from the system, for the PDF letter.
    .systemLibrary(
      name: "CPangoCairo",
      pkgConfig: "pangocairo",
      providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
    ),
    // PDF edge: typesets the same LetterModel as the other letters, with cairo and pango.
    .target(
      name: "SecondOpinionPDF",
      dependencies: ["SecondOpinionLetters", "SecondOpinionCore", "CPangoCairo"]
    ),
    // Delivery edge: the MESH client (mutual TLS, HMAC authorisation), its
    // configuration, the outbox state in each record folder, and the sender.
    .target(
      name: "SecondOpinionDelivery",
      dependencies: [
        "SecondOpinionLetters",
        "SecondOpinionCore", "SecondOpinionMessage", "SecondOpinionStorage", "SecondOpinionPDF",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOTLS", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // Thin executable: commands, wiring, exit codes.
    .executableTarget(
      name: "second-opinion",
      dependencies: [
        "SecondOpinionLetters",
        "SecondOpinionCore", "SecondOpinionTerminal", "SecondOpinionStorage",
        "SecondOpinionPDF", "SecondOpinionCases", "SecondOpinionChecking", "SecondOpinionMessage",
        "SecondOpinionDelivery",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "SecondOpinionCoreTests",
      dependencies: [
        "SecondOpinionLetters",
        "SecondOpinionCore", "SecondOpinionCases", "SecondOpinionChecking", "SecondOpinionStorage",
        "SecondOpinionTestSupport",
      ]
    ),
    .testTarget(
      name: "SecondOpinionLettersTests",
      dependencies: [
        "SecondOpinionLetters", "SecondOpinionCases", "SecondOpinionCore", "SecondOpinionStorage",
        "SecondOpinionTestSupport",
      ]
    ),
    .testTarget(
      name: "SecondOpinionCasesTests",
      dependencies: [
        "SecondOpinionLetters",
        "SecondOpinionCases", "SecondOpinionChecking", "SecondOpinionCore", "SecondOpinionStorage",
        "SecondOpinionTestSupport",
      ]
    ),
    .testTarget(
      name: "SecondOpinionCheckingTests",
      dependencies: [
        "SecondOpinionLetters", "SecondOpinionChecking", "SecondOpinionCore", "SecondOpinionStorage",
        "SecondOpinionTestSupport",
      ]
    ),
    .testTarget(
      name: "SecondOpinionMessageTests",
      dependencies: [
        "SecondOpinionLetters",
        "SecondOpinionMessage", "SecondOpinionCases", "SecondOpinionCore", "SecondOpinionStorage",
        "SecondOpinionTestSupport",
      ]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["SecondOpinionLetters", "second-opinion", "SecondOpinionCore", "SecondOpinionStorage"],
      exclude: ["Golden", "Scripts"]
    ),
    .testTarget(
      name: "SecondOpinionDeliveryTests",
      dependencies: ["SecondOpinionLetters", "SecondOpinionDelivery", "SecondOpinionCore", "SecondOpinionPDF"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
