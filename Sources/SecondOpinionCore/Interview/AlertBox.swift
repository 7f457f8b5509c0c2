/// The plain-text frame around a safety alert, used on every channel.
public enum AlertBox {
  /// Renders the alert with a border of `!` so it stands out even in a transcript.
  public static func render(title: String, body: String) -> String {
    let rule = String(repeating: "!", count: 72)
    let wrapped = TextWrapper.wrap(body, width: 68).split(separator: "\n", omittingEmptySubsequences: false)
      .map { "!! " + $0 }.joined(separator: "\n")
    return "\n\(rule)\n!! \(title.uppercased())\n!!\n\(wrapped)\n\(rule)\n\n"
  }
}
