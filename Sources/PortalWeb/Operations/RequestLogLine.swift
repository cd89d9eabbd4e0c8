import Glibc

/// One line per request, `key=value` separated by spaces, for journald or any log shipper.
/// It holds what an operator needs to follow traffic and nothing about the person: the route
/// pattern, never the path (ids, tokens), no query string, no cookie, and the client address
/// only when the operator turned it on.
public struct RequestLogLine: Sendable, Equatable {
    /// Seconds since 1970, UTC.
    public var time: Double
    /// Tenant id, `operateur` for the operator host, `-` when the host is nobody's.
    public var tenant: String
    public var method: String
    /// The matched route pattern (`/actualites/:id`), a fixed name for built-in paths, or `-`.
    public var route: String
    public var status: Int
    public var durationMilliseconds: Double
    public var clientAddress: String?

    public var formatted: String {
        var line = "time=\(Self.iso8601(time)) tenant=\(Self.value(tenant)) method=\(Self.value(method))"
            + " route=\(Self.value(route)) status=\(status) duration_ms=\(Self.milliseconds(durationMilliseconds))"
        if let clientAddress { line += " client=\(Self.value(clientAddress))" }
        return line
    }

    /// Values are tokens; anything else is quoted with `"` and `\` escaped, and control
    /// characters are dropped so that one request is always one line.
    static func value(_ text: String) -> String {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let plain = !clean.isEmpty && clean.unicodeScalars.allSatisfy { $0 != " " && $0 != "\"" && $0 != "=" && $0 != "\\" }
        if plain { return clean }
        return "\"" + clean.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    static func milliseconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `2026-01-09T09:00:00.123Z`, by hand: no formatter on the request path.
    static func iso8601(_ seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        let millis = Int((seconds - Double(whole)) * 1000)
        var parts = tm()
        gmtime_r(&whole, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
