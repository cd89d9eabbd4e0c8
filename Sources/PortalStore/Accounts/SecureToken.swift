/// Opaque secrets for cookies and e-mailed links: 32 bytes from the system CSPRNG
/// (`SystemRandomNumberGenerator` reads `getrandom(2)` on Linux), written as 64 hex digits.
/// Only their SHA-256 is stored, computed by PostgreSQL (`TokenHash.sql`).
public enum SecureToken {
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        text.reserveCapacity(64)
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return text
    }

    /// A well-formed token: 64 lower-case hex digits. Anything else is refused before any query.
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
