internal import CYaml

/// What a seeds or case file may be before it is decoded: at most `maxBytes`,
/// no anchors (`&name`) and no aliases (`*name`), and nested at most
/// `maxDepth` levels. A clinician's file needs none of these, and each can
/// make the YAML decoder hang or crash (a chain of thousands of aliases
/// overflows its stack; a kilobyte of nested aliases takes minutes to expand;
/// a 100 MB file costs seconds and half a gigabyte at every start).
///
/// Pure: a scan of the text with libyaml's event parser, which keeps its own
/// stack and never expands an alias. A syntax error is left to the decoder,
/// which names it with its line; only what comes before it is looked at.
public enum SeedTextLimits {
  /// The largest file, in bytes (1 MiB; seeds/interview.yaml is under 50 KB).
  public static let maxBytes = 1 << 20
  /// The deepest nesting of mappings and sequences (seeds/ use under 10).
  public static let maxDepth = 64

  /// Why `text` (the content of `file`, relative to the seeds folder) is
  /// refused before decoding, as one line with the line number where known;
  /// nil when it is within the limits.
  public static func problem(in text: String, file: String) -> SeedError? {
    let size = text.utf8.count
    if size > maxBytes {
      return SeedError(
        file: file, message: "is \(size) bytes; a seeds or case file may be at most \(maxBytes) bytes (1 MiB)")
    }
    var bytes = Array(text.utf8)
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeMutableBufferPointer { buffer -> SeedError? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var depth = 0
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        func refuse(_ what: String) -> SeedError {
          SeedError(file: file, line: line, message: "not valid YAML for seeds: \(what)")
        }
        let anchor: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return nil
        case YAML_ALIAS_EVENT:
          return refuse(
            "an alias\(shown("*", event.data.alias.anchor)); seeds and cases may not use aliases or anchors "
              + "(write the text out in full)")
        case YAML_SCALAR_EVENT:
          anchor = event.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT:
          anchor = event.data.sequence_start.anchor
          depth += 1
        case YAML_MAPPING_START_EVENT:
          anchor = event.data.mapping_start.anchor
          depth += 1
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          depth -= 1
          continue
        default:
          continue
        }
        if anchor != nil {
          return refuse(
            "an anchor\(shown("&", anchor)); seeds and cases may not use anchors or aliases (write the text out in full)"
          )
        }
        if depth > maxDepth { return refuse("nested more than \(maxDepth) levels deep") }
      }
    }
  }

  /// An anchor's name for a message: shown only when it is short and plain.
  private static func shown(_ sigil: String, _ name: UnsafeMutablePointer<yaml_char_t>?) -> String {
    guard let name else { return "" }
    let text = String(cString: name)
    let plain =
      text.utf8.count <= 40
      && text.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
          || byte == 0x2D
      }
    return plain ? " (\(sigil)\(text))" : ""
  }
}
