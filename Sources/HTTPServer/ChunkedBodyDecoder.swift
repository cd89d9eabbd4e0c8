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
                // RFC 9112 §7.1.2: trailer lines are field lines, held to the header section's grammar.
                guard lf == 1 || RequestParser.parseField(buffer.slice(0, lf - 1)) != nil else { return .failure(.badRequest) }
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
        guard digits > 0, digits <= 15, isValidExtensions(line[index...]) else { return nil }
        return size
    }

    /// chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ), names tokens,
    /// values tokens or quoted strings. Extensions are ignored, but checked all the same: a NUL or
    /// a lone CR that another HTTP hop would read differently must not pass through.
    static func isValidExtensions(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        func skipWhitespace() {
            while index < text.endIndex && (text[index] == 32 || text[index] == 9) { index += 1 }
        }
        func skipToken() -> Bool {
            let start = index
            while index < text.endIndex && text[index].isTokenCharacter { index += 1 }
            return index > start
        }
        while true {
            skipWhitespace()
            guard index < text.endIndex else { return true }
            guard text[index] == UInt8(ascii: ";") else { return false }
            index += 1
            skipWhitespace()
            guard skipToken() else { return false }
            skipWhitespace()
            guard index < text.endIndex, text[index] == UInt8(ascii: "=") else { continue }
            index += 1
            skipWhitespace()
            if index < text.endIndex && text[index] == UInt8(ascii: "\"") {
                guard let end = quotedStringEnd(text, from: index) else { return false }
                index = end
            } else {
                guard skipToken() else { return false }
            }
        }
    }

    /// quoted-string (RFC 9110 §5.6.4) starting at the opening DQUOTE; returns the index just
    /// past the closing one.
    private static func quotedStringEnd(_ text: ArraySlice<UInt8>, from start: Int) -> Int? {
        var index = start + 1
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") { return index + 1 }
            if byte == UInt8(ascii: "\\") {
                index += 1
                // quoted-pair: any of HTAB, SP, VCHAR or obs-text may be escaped.
                guard index < text.endIndex, text[index] == 9 || (0x20...0x7E).contains(text[index]) || text[index] >= 0x80
                else { return nil }
            } else {
                guard byte.isQuotedTextCharacter else { return nil }
            }
            index += 1
        }
        return nil
    }
}

extension UInt8 {
    /// qdtext: HTAB, SP and visible characters but DQUOTE and backslash, plus obs-text.
    var isQuotedTextCharacter: Bool {
        self == 9 || self == 32 || self == 0x21 || (0x23...0x5B).contains(self) || (0x5D...0x7E).contains(self) || self >= 0x80
    }
}
