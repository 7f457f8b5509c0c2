/// A growable run of bytes that text is written into piece by piece (the
/// letter, the review, a case's screen output). Appending a short piece costs
/// a capacity check and a copy; an array's `append(contentsOf:)` costs several
/// times that, and text is made of short pieces.
struct ByteBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  /// How many bytes have been written.
  private(set) var count = 0
  private var capacity: Int

  /// Creates an empty buffer with room for `capacity` bytes before it grows.
  init(capacity: Int = 256) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Appends one byte.
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    base[count] = byte
    count += 1
  }

  /// Appends bytes.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if count + bytes.count > capacity { grow(to: count + bytes.count) }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Appends a string's UTF-8.
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends a literal's UTF-8.
  mutating func append(literal text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends a number that is not negative in decimal digits.
  mutating func append(decimal value: Int) {
    guard value >= 0 else { return append(String(value)) }
    var digits = 1
    var rest = value / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    if count + digits > capacity { grow(to: count + digits) }
    var value = value
    for offset in stride(from: digits - 1, through: 0, by: -1) {
      base[count + offset] = UInt8(ascii: "0") + UInt8(value % 10)
      value /= 10
    }
    count += digits
  }

  /// Forgets the bytes after the first `count`.
  mutating func truncate(to count: Int) { self.count = min(count, self.count) }

  /// Forgets every byte, keeping the room.
  mutating func removeAll() { count = 0 }

  /// Reads the bytes written.
  func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    body(UnsafeBufferPointer(start: base, count: count))
  }

  /// The bytes as text (they are UTF-8 when only text was appended).
  var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

  private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}
