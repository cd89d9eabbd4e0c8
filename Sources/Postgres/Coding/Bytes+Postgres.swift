// `[UInt8]` is `bytea`, not an array of small integers: UInt8 is an array element only so that
// the array conformance can hand the whole value to this hex encoding.

extension UInt8: PostgresArrayElement {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// bytea's hex input format: `\x` followed by two hex digits per byte.
    public static func postgresArrayText(_ elements: [UInt8]) -> String {
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + elements.count * 2)
        for byte in elements {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads bytea's hex output format (the server default, `bytea_output = hex`).
    public static func postgresArray(fromText text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            return nil
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((utf8.count - 2) / 2)
        var index = 2
        while index < utf8.count {
            guard let high = hexValue(utf8[index]), let low = hexValue(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
