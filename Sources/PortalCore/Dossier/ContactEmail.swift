/// A guardian's contact address (not a login: the accounts' activation proves those). Plain
/// shape check: one `@`, a local part of printable ASCII, a dotted domain of letters, digits
/// and hyphens; stored lower-cased.
public enum ContactEmail {
    public static let frenchProblem = "Adresse e-mail non reconnue (ex. prenom.nom@exemple.fr)."

    public static func normalise(_ typed: String) -> String? {
        let text = String(typed.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()).lowercased()
        guard text.utf8.count <= 254 else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0], domain = parts[1]
        guard (1...64).contains(local.utf8.count), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
              local.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"()<>[]:;,\\\"".unicodeScalars.contains($0) })
        else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, labels.allSatisfy({ label in
            (1...63).contains(label.utf8.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }) else { return nil }
        return text
    }
}
