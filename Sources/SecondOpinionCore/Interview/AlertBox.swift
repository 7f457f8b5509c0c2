/// The plain-text frame around a safety alert, used on every channel.
public enum AlertBox {
  /// Renders the alert with a border of `!` so it stands out even in a
  /// transcript, as wide as `width` columns allow (72 at most), the body
  /// wrapped inside it without breaking words.
  public static func render(title: String, body: String, width: Int = 76) -> String {
    let ruleWidth = max(OutputWidth.minimum, min(72, width))
    let rule = String(repeating: "!", count: ruleWidth)
    let inside = ruleWidth - 4
    let wrapped = TextWrapper.wrap(body, width: inside).split(separator: "\n", omittingEmptySubsequences: false)
      .map { "!! " + $0 }.joined(separator: "\n")
    let heading = TextWrapper.wrap(title.uppercased(), width: inside).split(separator: "\n").map { "!! " + $0 }
      .joined(separator: "\n")
    return "\n\(rule)\n\(heading)\n!!\n\(wrapped)\n\(rule)\n\n"
  }

  /// The alert as plain lines for a screen reader (the accessible mode): no
  /// border, nothing wrapped, the title and each line of the body on a line
  /// of its own that starts with `prefix` (the seeds' `alertPrefix`, such as
  /// "Alert:"), so each is announced as part of the alert; blank lines are
  /// dropped and runs of spaces made one. Starts and ends with a blank line.
  public static func plainLines(prefix: String, title: String, body: String) -> String {
    let lines = ([title] + body.split(separator: "\n").map(String.init))
      .map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
      .filter { !$0.isEmpty }
    return "\n" + lines.map { prefix + " " + $0 + "\n" }.joined() + "\n"
  }
}
