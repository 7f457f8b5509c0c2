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
}
