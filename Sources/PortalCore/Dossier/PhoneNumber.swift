/// A telephone number as families type it: French national (06 12 34 56 78), French
/// international (+33 6 12 34 56 78, 0033…, +33 (0)6…), overseas departments' +262/+590/+594/+596
/// (stored in their national 0 form), or another country's E.164 number for cross-border families.
public struct PhoneNumber: Hashable, Sendable {
    /// « 0612345678 » for French numbers, « +41221234567 » for others.
    public let canonical: String

    public static let frenchProblem =
        "Numéro de téléphone non reconnu : 10 chiffres commençant par 0 (06 12 34 56 78) ou au format international (+33 6 12 34 56 78)."

    /// Country codes of the French overseas departments, whose numbers follow the national plan.
    private static let overseasCodes = ["262", "590", "594", "596"]

    public init?(_ typed: String) {
        var text = Substring(typed.filter { !$0.isWhitespace && !".-/".contains($0) })
        if text.hasPrefix("00") { text = "+" + text.dropFirst(2) }
        if let trunkPrefix = text.firstRange(of: "(0)") { text.removeSubrange(trunkPrefix) }
        if text.hasPrefix("+") {
            let digits = text.dropFirst()
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            if digits.hasPrefix("33") {
                let national = digits.dropFirst(2)
                guard national.count == 9, national.first != "0" else { return nil }
                canonical = "0" + national
            } else if let code = PhoneNumber.overseasCodes.first(where: { digits.hasPrefix($0) }) {
                let national = digits.dropFirst(code.count)
                guard national.count == 9, national.first != "0" else { return nil }
                canonical = "0" + national
            } else {
                // E.164: at most 15 digits, country codes never start with 0.
                guard (8...15).contains(digits.count), digits.first != "0" else { return nil }
                canonical = "+" + digits
            }
        } else {
            guard text.count == 10, text.first == "0", text.dropFirst().first != "0",
                  text.allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            canonical = String(text)
        }
    }

    /// « 06 12 34 56 78 » for French numbers; others as stored.
    public var display: String {
        guard !canonical.hasPrefix("+") else { return canonical }
        var out = ""
        for (offset, digit) in canonical.enumerated() {
            if offset > 0, offset % 2 == 0 { out.append(" ") }
            out.append(digit)
        }
        return out
    }
}
