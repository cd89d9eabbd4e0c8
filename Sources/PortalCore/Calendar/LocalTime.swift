/// A wall-clock time of day with no date and no zone ("10:00", "23:59:59"): the unit in which
/// town rules state cut-off times. Paired with a `LocalDate` by `ParisTime.instant`.
public struct LocalTime: Hashable, Comparable, Sendable {
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses exactly `HH:MM` or `HH:MM:SS` (two digits each).
    public init?(hhmm text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let values = parts.compactMap { Int($0) }
        self.init(hour: values[0], minute: values[1], second: values.count == 3 ? values[2] : 0)
    }

    public static let midnight = LocalTime(hour: 0, minute: 0, second: 0)!
    /// The last second of a day: "until the end of the day" cut-offs.
    public static let endOfDay = LocalTime(hour: 23, minute: 59, second: 59)!

    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
    public var hhmm: String {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let base = "\(pad(hour)):\(pad(minute))"
        return second == 0 ? base : "\(base):\(pad(second))"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }
}

extension LocalTime: CustomStringConvertible {
    public var description: String { hhmm }
}

extension LocalTime: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = LocalTime(hhmm: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "heure attendue au format HH:MM ou HH:MM:SS, reçu « \(text) »")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hhmm)
    }
}
