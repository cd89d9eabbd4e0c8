import CivilCalendar
import Foundation
import PortalStore

/// An address that could end its header line and start another (CR, LF, NUL), or slip in a
/// second recipient (`,`, `<`, spaces…): the message is refused, never repaired.
struct UnsafeMailHeader: Error, CustomStringConvertible {
    let description: String
}

/// An outbox row as an RFC 5322 message: UTF-8 text in quoted-printable (RFC 2045 §6.7), the
/// subject and sender name as encoded-words (RFC 2047), CRLF line ends. Text typed by users
/// can never add a header: names and subjects are encoded, addresses are checked.
public enum MailMessage {
    static func render(_ mail: OutgoingMail, id: Int64, from fromAddress: String, date: Date) throws -> String {
        let address = try singleAddress(fromAddress, header: "From")
        let recipient = try singleAddress(mail.recipient, header: "To")
        let replyTo = try mail.replyTo.map { try singleAddress($0, header: "Reply-To") }
        let domain = address.split(separator: "@").last.map(String.init) ?? "localhost"
        var headers = [
            "Date: \(RFC5322Date.format(date))",
            "From: \(encodedWord(mail.fromName)) <\(address)>",
            "To: <\(recipient)>",
            "Subject: \(encodedWord(mail.subject))",
            "Message-ID: <outbox-\(id)-\(Int(date.timeIntervalSince1970))@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
        ]
        if let replyTo { headers.insert("Reply-To: <\(replyTo)>", at: 3) }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(mail.body)
    }

    /// One bare `local@domain` of printable ASCII without the characters that separate or
    /// bracket addresses; `sendmail -t` reads the recipients from these headers.
    static func singleAddress(_ text: String, header: String) throws -> String {
        let forbidden = "<>,;:\"()[]\\".unicodeScalars
        guard (3...254).contains(text.utf8.count),
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !forbidden.contains($0) }),
              text.split(separator: "@", omittingEmptySubsequences: false).count == 2
        else { throw UnsafeMailHeader(description: "adresse refusée dans l'en-tête \(header) : \(text.debugDescription)") }
        return text
    }

    /// `=?utf-8?B?…?=` when the text is not plain ASCII; header injection is impossible either way
    /// because CR and LF never reach the header unencoded.
    static func encodedWord(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "=" && $0 != "?" && $0 != "\"" }
        if plain { return text }
        return "=?utf-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }

    public static func decodeEncodedWord(_ text: String) -> String {
        guard text.hasPrefix("=?utf-8?B?"), text.hasSuffix("?="),
              let data = Data(base64Encoded: String(text.dropFirst(10).dropLast(2))) else { return text }
        return String(decoding: data, as: UTF8.self)
    }
}

public enum QuotedPrintable {
    /// Lines of at most 76 characters with soft breaks; `=` and non-ASCII bytes as `=XX`.
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || (byte == 32 && !isLast)
                let piece = literal ? String(UnicodeScalar(byte)) : "=" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
                if current.count + piece.count > 75 {
                    output.append(current + "=")
                    current = ""
                }
                current += piece
            }
            output.append(current)
        }
        return output.joined(separator: "\r\n")
    }

    public static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (lineIndex, line) in lines.enumerated() {
            var utf8 = Array(line.utf8)
            var soft = false
            if utf8.last == UInt8(ascii: "=") { utf8.removeLast(); soft = true }
            var index = 0
            while index < utf8.count {
                if utf8[index] == UInt8(ascii: "="), index + 2 < utf8.count,
                   let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                    index += 3
                } else {
                    bytes.append(utf8[index])
                    index += 1
                }
            }
            if !soft && lineIndex < lines.count - 1 { bytes.append(UInt8(ascii: "\n")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// `Tue, 03 Feb 2026 10:15:00 +0000` (RFC 5322 §3.3), by hand: no formatter, no locale.
enum RFC5322Date {
    private static let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (dayNumber, secondOfDay) = CivilDays.split(secondsSince1970: seconds)
        let (year, month, day) = CivilDays.date(dayNumber: dayNumber)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[((dayNumber % 7) + 7) % 7]), \(pad(day)) \(months[month - 1]) \(year) "
            + "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) +0000"
    }
}
