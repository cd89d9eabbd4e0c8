import Foundation

extension RuleDecision {
    /// The one-line JSON object printed by `portal rules explain`:
    /// `{"allowed": false, "rule": "...", "deadline": "2026-01-09T23:59:59+01:00", "opensAt": null, "surchargeCents": null, "message": "..."}`
    public func explainJSON() -> String {
        func string(_ text: String?) -> String { text.map(jsonString) ?? "null" }
        return "{\"allowed\": \(allowed), \"rule\": \(jsonString(ruleID)), "
            + "\"deadline\": \(string(deadline.map(ParisTime.iso8601))), "
            + "\"opensAt\": \(string(opensAt.map(ParisTime.iso8601))), "
            + "\"surchargeCents\": \(surchargeCents.map(String.init) ?? "null"), "
            + "\"message\": \(jsonString(message))}"
    }
}

/// A JSON string literal (RFC 8259 §7): quotes, backslashes and control characters escaped,
/// everything else left as UTF-8.
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let c where c.value < 0x20:
            let hex = String(c.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
