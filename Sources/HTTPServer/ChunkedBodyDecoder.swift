/// Reassembles a chunked body (RFC 9112 §7.1) as bytes arrive, checking the body limit as
/// soon as each chunk size is known.
struct ChunkedBodyDecoder {
    enum Result {
        case needMore
        case done
        case failure(HTTPStatus)
    }

    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
    }

    /// A chunk-size line with extensions longer than this is refused; extensions are ignored anyway.
    private static let maxSizeLineBytes = 1024

    let limit: Int
    private(set) var body: [UInt8] = []
    private var state = State.size
    /// Trailer fields count against the same limits as the header section (RFC 9112 §7.1.2).
    private var headerBytes: Int
    private var headerCount: Int

    init(limit: Int, headerBytes: Int, headerCount: Int) {
        self.limit = limit
        self.headerBytes = headerBytes
        self.headerCount = headerCount
    }

    mutating func decode(_ buffer: inout ReadBuffer, limits: RequestParser.Limits) -> Result {
        while true {
            switch state {
            case .size:
                guard let lf = buffer.firstLF(from: 0) else {
                    return buffer.readableCount > ChunkedBodyDecoder.maxSizeLineBytes ? .failure(.badRequest) : .needMore
                }
                guard lf > 0, lf <= ChunkedBodyDecoder.maxSizeLineBytes, buffer[lf - 1] == 13,
                      let size = ChunkedBodyDecoder.parseSize(buffer.slice(0, lf - 1))
                else { return .failure(.badRequest) }
                buffer.consume(lf + 1)
                if size == 0 {
                    state = .trailers
                } else {
                    guard size <= limit - body.count else { return .failure(.contentTooLarge) }
                    body.reserveCapacity(body.count + size)
                    state = .data(remaining: size)
                }
            case .data(let remaining):
                let available = min(remaining, buffer.readableCount)
                guard available > 0 else { return .needMore }
                body.append(contentsOf: buffer.slice(0, available))
                buffer.consume(available)
                state = available == remaining ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                guard buffer.readableCount >= 2 else { return .needMore }
                guard buffer[0] == 13 && buffer[1] == 10 else { return .failure(.badRequest) }
                buffer.consume(2)
                state = .size
            case .trailers:
                guard let lf = buffer.firstLF(from: 0) else {
                    return headerBytes + buffer.readableCount > limits.maxHeaderBytes + 2
                        ? .failure(.requestHeaderFieldsTooLarge) : .needMore
                }
                guard lf > 0, buffer[lf - 1] == 13 else { return .failure(.badRequest) }
                headerBytes += lf + 1
                guard headerBytes <= limits.maxHeaderBytes + 2 else { return .failure(.requestHeaderFieldsTooLarge) }
                buffer.consume(lf + 1)
                if lf == 1 { return .done }
                headerCount += 1
                guard headerCount <= limits.maxHeaderCount else { return .failure(.requestHeaderFieldsTooLarge) }
            }
        }
    }

    /// chunk-size = 1*HEXDIG, then optional `;` extensions (RFC 9112 §7.1.1). At most 15 hex
    /// digits, so the running total cannot overflow.
    static func parseSize(_ line: ArraySlice<UInt8>) -> Int? {
        var size = 0
        var digits = 0
        var index = line.startIndex
        while index < line.endIndex, let value = hexValue(line[index]) {
            size = size << 4 | Int(value)
            digits += 1
            index += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        while index < line.endIndex && (line[index] == 32 || line[index] == 9) { index += 1 }
        guard index == line.endIndex || line[index] == UInt8(ascii: ";") else { return nil }
        return size
    }
}
