public enum SameSite: String, Sendable {
    case strict = "Strict"
    case lax = "Lax"
    case none = "None"
}

public enum CookieError: Error, Sendable, Equatable {
    case invalidName(String)
    case invalidValue(String)
    case invalidPath(String)
}

extension HTTPResponse {
    /// Adds a Set-Cookie header (RFC 6265 §4.1). Names must be tokens and values cookie-octets,
    /// so nothing a caller passes can add attributes or split the header.
    public mutating func setCookie(
        name: String,
        value: String,
        path: String? = "/",
        maxAge: Int? = nil,
        httpOnly: Bool = true,
        secure: Bool = true,
        sameSite: SameSite? = .lax
    ) throws(CookieError) {
        guard !name.isEmpty, name.utf8.allSatisfy(\.isTokenCharacter) else { throw .invalidName(name) }
        guard value.utf8.allSatisfy(\.isCookieOctet) else { throw .invalidValue(value) }
        var header = "\(name)=\(value)"
        if let path {
            guard path.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ";") }) else { throw .invalidPath(path) }
            header += "; Path=\(path)"
        }
        if let maxAge { header += "; Max-Age=\(maxAge)" }
        if httpOnly { header += "; HttpOnly" }
        if secure { header += "; Secure" }
        if let sameSite { header += "; SameSite=\(sameSite.rawValue)" }
        headers.add("Set-Cookie", header)
    }
}

extension UInt8 {
    /// cookie-octet: visible ASCII except DQUOTE, comma, semicolon and backslash (RFC 6265 §4.1.1).
    var isCookieOctet: Bool {
        self == 0x21 || (0x23...0x2B).contains(self) || (0x2D...0x3A).contains(self)
            || (0x3C...0x5B).contains(self) || (0x5D...0x7E).contains(self)
    }

    /// tchar (RFC 9110 §5.6.2).
    var isTokenCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
