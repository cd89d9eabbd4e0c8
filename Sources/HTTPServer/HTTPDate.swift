import Glibc

/// The IMF-fixdate of the current second (RFC 9110 §5.6.7), formatted by hand and reformatted
/// only when the second changes. Each thread keeps its own, so nothing is shared.
struct HTTPDateCache {
    private var second: Int = -1
    private var bytes: [UInt8] = []

    mutating func current() -> [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            bytes = HTTPDateCache.format(now)
        }
        return bytes
    }

    static func format(_ seconds: Int) -> [UInt8] {
        var t = seconds
        var parts = tm()
        gmtime_r(&t, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var out: [UInt8] = []
        out.reserveCapacity(29)
        out += days[Int(parts.tm_wday)].utf8
        out += ", ".utf8
        appendTwoDigits(Int(parts.tm_mday), to: &out)
        out.append(UInt8(ascii: " "))
        out += months[Int(parts.tm_mon)].utf8
        out.append(UInt8(ascii: " "))
        let year = Int(parts.tm_year) + 1900
        appendTwoDigits(year / 100, to: &out)
        appendTwoDigits(year % 100, to: &out)
        out.append(UInt8(ascii: " "))
        appendTwoDigits(Int(parts.tm_hour), to: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(Int(parts.tm_min), to: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(Int(parts.tm_sec), to: &out)
        out += " GMT".utf8
        return out
    }

    private static func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "0") + UInt8(value / 10))
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
