import ArgumentParser
import SecondOpinionCore

/// The usual interview command lines, parsed without ArgumentParser.
///
/// ArgumentParser builds every command's argument definitions by reflection
/// before it parses anything: about 2 ms of a 9 ms start-up. An interview
/// started with only `--out`, `--seeds`, `--mode`, `--operator` and `--now`,
/// each at most once and with a plain value, is parsed here to the same
/// command. Anything else (other options, `--opt=value`, a value starting with
/// `-` or empty, help, a repeated option, a failed validation) returns nil and
/// goes through ArgumentParser, which parses it or reports the error as before.
enum FastStart {
  /// The interview command these arguments (without the program name) give,
  /// when they are simple enough to parse here; nil otherwise.
  static func interviewCommand(_ arguments: [String]) -> InterviewCommand? {
    var rest = arguments[...]
    if rest.first == InterviewCommand.configuration.commandName {
      rest = rest.dropFirst()
    } else {
      // No subcommand: the default one (interview), unless a word could be
      // taken for a subcommand's name.
      let names = Set(SecondOpinion.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
      guard !rest.contains(where: names.contains) else { return nil }
    }
    var out: String?
    var seeds: String?
    var mode: String?
    var operatorName: String?
    var now: String?
    while let name = rest.first {
      rest = rest.dropFirst()
      guard let value = rest.first, !value.isEmpty, !value.hasPrefix("-") else { return nil }
      rest = rest.dropFirst()
      func take(_ slot: inout String?) -> Bool {
        guard slot == nil else { return false }
        slot = value
        return true
      }
      let taken: Bool
      switch name {
      case "--out": taken = take(&out)
      case "--seeds": taken = take(&seeds)
      case "--mode": taken = take(&mode)
      case "--operator": taken = take(&operatorName)
      case "--now": taken = take(&now)
      default: taken = false
      }
      guard taken else { return nil }
    }
    var command = InterviewCommand()
    if let mode {
      guard let voice = Voice(rawValue: mode) else { return nil }
      command.mode = voice
    } else {
      command.mode = .patient
    }
    command.operator = operatorName
    command.now = now
    var seedsOption = SeedsOption()
    seedsOption.seeds = seeds
    command.seedsOption = seedsOption
    var output = OutputOptions()
    output.out = out
    output.format = [.markdown]
    command.output = output
    guard (try? command.validate()) != nil else { return nil }
    return command
  }
}
