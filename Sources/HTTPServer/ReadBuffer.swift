import Glibc

/// Bytes received but not yet consumed. Consuming moves `start`; storage is reused
/// between requests so a kept-alive connection does not allocate per request.
struct ReadBuffer {
    private(set) var bytes: [UInt8] = []
    private(set) var start = 0

    /// Above this, an emptied buffer gives its storage back: thousands of idle connections
    /// must not each keep a large upload's worth of memory.
    private static let retainedCapacity = 64 * 1024

    var readableCount: Int { bytes.count - start }
    var isEmpty: Bool { start == bytes.count }

    subscript(offset: Int) -> UInt8 { bytes[start + offset] }

    mutating func append(_ data: UnsafeRawBufferPointer) {
        if start > 0 && start == bytes.count {
            bytes.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 4096 && start * 2 > bytes.count {
            bytes.removeFirst(start)
            start = 0
        }
        bytes.append(contentsOf: data)
    }

    mutating func consume(_ count: Int) {
        start += count
        if start == bytes.count {
            bytes.removeAll(keepingCapacity: bytes.capacity <= ReadBuffer.retainedCapacity)
            start = 0
        }
    }

    /// Offset (relative to `start`) of the first LF at or after `offset`.
    func firstLF(from offset: Int) -> Int? {
        guard offset < readableCount else { return nil }
        return bytes.withUnsafeBufferPointer { pointer -> Int? in
            let base = pointer.baseAddress! + start
            guard let found = memchr(base + offset, 10, readableCount - offset) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    func slice(_ offset: Int, _ count: Int) -> ArraySlice<UInt8> {
        bytes[(start + offset)..<(start + offset + count)]
    }
}
