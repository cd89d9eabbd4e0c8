/// A login e-mail address, normalised (trimmed, lower-cased) so that one mailbox is one account.
/// The check is deliberately plain (RFC 5321 sizes, one `@`, a dotted domain of letters, digits
/// and hyphens): the activation e-mail is the real proof.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()).lowercased()
        guard trimmed.utf8.count <= 254 else { return nil }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0], domain = parts[1]
        guard (1...64).contains(local.utf8.count),
              local.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"()<>[]:;,\\\"".unicodeScalars.contains($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }), labels.last!.count >= 2 else { return nil }
        value = trimmed
    }

    public var description: String { value }
}
