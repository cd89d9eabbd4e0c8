import Foundation
/// A spreadsheet file French office software opens as is: UTF-8 with a byte-order mark (so
/// accents survive Excel), `;` between fields (the decimal comma takes `,`), CRLF line ends,
/// every field between double quotes with inner quotes doubled (RFC 4180 §2).
public struct CSVDocument: Sendable, Equatable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a CSV row has as many fields as the header")
        rows.append(row)
    }

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public var text: String {
        ([header] + rows).map { $0.map(Self.quoted).joined(separator: ";") + "\r\n" }.joined()
    }

    public var bytes: [UInt8] { Self.byteOrderMark + Array(text.utf8) }

    static func quoted(_ field: String) -> String {
        "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
