/// application/x-www-form-urlencoded decoding (WHATWG URL §5.1), shared by queries and forms.
/// Lenient by design: a malformed escape stays as typed and invalid UTF-8 becomes U+FFFD,
/// so a mistyped link still reaches a handler that can answer in French.
enum FormURLEncoding {
    static func decode(_ bytes: ArraySlice<UInt8>) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for piece in bytes.split(separator: UInt8(ascii: "&")) {
            let name: ArraySlice<UInt8>
            let value: ArraySlice<UInt8>
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                name = piece[piece.startIndex..<equals]
                value = piece[(equals + 1)...]
            } else {
                name = piece
                value = []
            }
            pairs.append((name: decodeComponent(name), value: decodeComponent(value)))
        }
        return pairs
    }

    static func decodeComponent(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), i + 2 < bytes.endIndex,
                      let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(byte)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
