internal import CProtobufC

/// A bump allocator for the C side of one conversion: the structs, strings and arrays handed to protobuf-c to pack,
/// or the message protobuf-c unpacks. Everything is released at once when the conversion ends, so a conversion
/// cannot leak and pays no malloc per field. The first block lives on the stack.
struct CArena {
  private var block: UnsafeMutableRawPointer
  private var used = 0
  private var capacity: Int
  private var heapBlocks: [UnsafeMutableRawPointer] = []

  private static let stackBytes = 4096
  private static let alignment = 16

  /// The C string every empty Swift string lowers to.
  nonisolated(unsafe) static let emptyCString: UnsafeMutablePointer<CChar> = {
    let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return pointer
  }()

  /// Runs `body` with a fresh arena and releases all its memory afterwards.
  static func with<R>(_ body: (inout CArena) throws -> R) rethrows -> R {
    try withUnsafeTemporaryAllocation(byteCount: stackBytes, alignment: alignment) { stack in
      var arena = CArena(block: stack.baseAddress!, capacity: stack.count)
      defer { arena.releaseHeapBlocks() }
      return try body(&arena)
    }
  }

  private init(block: UnsafeMutableRawPointer, capacity: Int) {
    self.block = block
    self.capacity = capacity
  }

  private mutating func releaseHeapBlocks() {
    for heapBlock in heapBlocks {
      heapBlock.deallocate()
    }
    heapBlocks.removeAll()
  }

  /// Uninitialized memory, 16-byte aligned, valid until the arena ends.
  mutating func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
    let start = (used + Self.alignment - 1) & ~(Self.alignment - 1)
    if start + byteCount <= capacity {
      used = start + byteCount
      return block + start
    }
    let size = max(byteCount, capacity * 2, 16 << 10)
    let heapBlock = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: Self.alignment)
    heapBlocks.append(heapBlock)
    block = heapBlock
    capacity = size
    used = byteCount
    return heapBlock
  }

  /// Memory for `count` values of `T`, not initialized.
  mutating func allocate<T>(_ type: T.Type, count: Int = 1) -> UnsafeMutablePointer<T> {
    allocate(byteCount: MemoryLayout<T>.stride * count).bindMemory(to: T.self, capacity: count)
  }

  /// A NUL-terminated copy of `string`.
  mutating func cString(_ string: String) -> UnsafeMutablePointer<CChar> {
    if string.isEmpty {
      return Self.emptyCString
    }
    let utf8 = string.utf8
    let count = utf8.count
    let pointer = allocate(CChar.self, count: count + 1)
    let copied: Void? = utf8.withContiguousStorageIfAvailable { bytes in
      UnsafeMutableRawPointer(pointer).copyMemory(from: bytes.baseAddress!, byteCount: count)
    }
    if copied == nil {
      for (index, byte) in utf8.enumerated() {
        pointer[index] = CChar(bitPattern: byte)
      }
    }
    pointer[count] = 0
    return pointer
  }

  mutating func cStrings(_ strings: [String]) -> (Int, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
    guard !strings.isEmpty else { return (0, nil) }
    let array = allocate(UnsafeMutablePointer<CChar>?.self, count: strings.count)
    for (index, string) in strings.enumerated() {
      array[index] = cString(string)
    }
    return (strings.count, array)
  }

  mutating func binary(_ bytes: [UInt8]) -> ProtobufCBinaryData {
    guard !bytes.isEmpty else { return ProtobufCBinaryData(len: 0, data: nil) }
    let pointer = allocate(UInt8.self, count: bytes.count)
    pointer.update(from: bytes, count: bytes.count)
    return ProtobufCBinaryData(len: bytes.count, data: pointer)
  }

  mutating func binaries(_ values: [[UInt8]]) -> (Int, UnsafeMutablePointer<ProtobufCBinaryData>?) {
    guard !values.isEmpty else { return (0, nil) }
    let array = allocate(ProtobufCBinaryData.self, count: values.count)
    for (index, bytes) in values.enumerated() {
      array[index] = binary(bytes)
    }
    return (values.count, array)
  }

  mutating func scalars<T>(_ values: [T]) -> (Int, UnsafeMutablePointer<T>?) {
    guard !values.isEmpty else { return (0, nil) }
    let array = allocate(T.self, count: values.count)
    array.initialize(from: values, count: values.count)
    return (values.count, array)
  }

  mutating func bools(_ values: [Bool]) -> (Int, UnsafeMutablePointer<protobuf_c_boolean>?) {
    guard !values.isEmpty else { return (0, nil) }
    let array = allocate(protobuf_c_boolean.self, count: values.count)
    for (index, value) in values.enumerated() {
      array[index] = value ? 1 : 0
    }
    return (values.count, array)
  }

  mutating func enums<E: ProtobufEnum, C: RawRepresentable>(_ values: [E]) -> (Int, UnsafeMutablePointer<C>?)
  where C.RawValue == UInt32 {
    guard !values.isEmpty else { return (0, nil) }
    let array = allocate(C.self, count: values.count)
    for (index, value) in values.enumerated() {
      (array + index).initialize(to: C(rawValue: UInt32(bitPattern: value.rawValue))!)
    }
    return (values.count, array)
  }

  /// The C struct of `message`, built in this arena.
  mutating func lowered<M: CMessage>(_ message: M) -> UnsafeMutablePointer<M.CStruct> {
    message.lower(into: &self)
  }

  mutating func messages<M: CMessage>(_ values: [M]) -> (Int, UnsafeMutablePointer<UnsafeMutablePointer<M.CStruct>?>?) {
    guard !values.isEmpty else { return (0, nil) }
    let array = allocate(UnsafeMutablePointer<M.CStruct>?.self, count: values.count)
    for (index, value) in values.enumerated() {
      array[index] = value.lower(into: &self)
    }
    return (values.count, array)
  }

  /// Runs `body` with a protobuf-c allocator that takes its memory from `arena` and never frees.
  static func withAllocator<R>(
    of arena: inout CArena,
    _ body: (UnsafeMutablePointer<ProtobufCAllocator>) throws -> R
  ) rethrows -> R {
    try withUnsafeMutablePointer(to: &arena) { arenaPointer in
      var allocator = ProtobufCAllocator(
        alloc: { data, size in
          data!.assumingMemoryBound(to: CArena.self).pointee.allocate(byteCount: size)
        },
        free: { _, _ in },
        allocator_data: UnsafeMutableRawPointer(arenaPointer)
      )
      return try body(&allocator)
    }
  }
}
