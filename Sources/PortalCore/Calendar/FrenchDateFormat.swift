#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// French date formatting by hand: `DateFormatter` is costly to create and serialises when
/// shared. Instants are shown in Paris wall time.
public enum FrenchDateFormat {
    private static let months = ["janvier", "février", "mars", "avril", "mai", "juin",
                                 "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    private static let monthAbbreviations = ["janv.", "févr.", "mars", "avr.", "mai", "juin",
                                             "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    private static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    private static let weekdayAbbreviations = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]

    /// « vendredi 9 janvier 2026 », « lundi 1er juin 2026 »
    public static func long(_ date: LocalDate) -> String {
        written { $0.long(date) }
    }

    /// « vendredi 9 janvier 2026 à 23 h 59 »
    public static func longWithTime(_ instant: Date) -> String {
        written { text in
            text.long(ParisTime.localDate(of: instant))
            text.put(" à ")
            text.time(ParisTime.localTime(of: instant))
        }
    }

    /// « ven. 9 janv. », « lun. 1er juin »
    public static func short(_ date: LocalDate) -> String {
        written { $0.short(date) }
    }

    /// « ven. 9 janv. 23 h 59 »
    public static func shortWithTime(_ instant: Date) -> String {
        written { text in
            text.short(ParisTime.localDate(of: instant))
            text.put(" ")
            text.time(ParisTime.localTime(of: instant))
        }
    }

    /// « 09/01/2026 »
    public static func numeric(_ date: LocalDate) -> String {
        written { text in
            text.put(date.day, width: 2)
            text.put("/")
            text.put(date.month, width: 2)
            text.put("/")
            text.put(date.year)
        }
    }

    /// « 23 h 59 », « 10 h 00 » (French style; seconds are not shown).
    public static func time(_ time: LocalTime) -> String {
        written { $0.time(time) }
    }

    /// « 1er » for the first of the month, the plain number otherwise.
    public static func dayOfMonth(_ date: LocalDate) -> String {
        written { $0.dayOfMonth(date) }
    }

    /// 1 = « janvier » ... 12 = « décembre ».
    public static func monthName(_ month: Int) -> String { months[month - 1] }

    /// 1 = « janv. » ... 12 = « déc. ».
    public static func monthAbbreviation(_ month: Int) -> String { monthAbbreviations[month - 1] }

    /// ISO weekday: 1 = « lundi » ... 7 = « dimanche ».
    public static func weekdayName(_ isoWeekday: Int) -> String { weekdays[isoWeekday - 1] }

    /// ISO weekday: 1 = « lun. » ... 7 = « dim. ».
    public static func weekdayAbbreviation(_ isoWeekday: Int) -> String { weekdayAbbreviations[isoWeekday - 1] }

    /// The words written into one string at once, without intermediate strings: the rules
    /// put dates into the messages of every slot a page shows.
    private static func written(_ write: (inout Text) -> Void) -> String {
        String(unsafeUninitializedCapacity: Text.capacity) { buffer in
            var text = Text(buffer: buffer)
            write(&text)
            return text.count
        }
    }

    private struct Text {
        /// Enough for the longest: « dimanche 1er septembre -9223372036854775808 à 23 h 59 ».
        static let capacity = 64
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func long(_ date: LocalDate) {
            put(FrenchDateFormat.weekdays[date.weekday - 1])
            put(" ")
            dayOfMonth(date)
            put(" ")
            put(FrenchDateFormat.months[date.month - 1])
            put(" ")
            put(date.year)
        }

        mutating func short(_ date: LocalDate) {
            put(FrenchDateFormat.weekdayAbbreviations[date.weekday - 1])
            put(" ")
            dayOfMonth(date)
            put(" ")
            put(FrenchDateFormat.monthAbbreviations[date.month - 1])
        }

        mutating func time(_ time: LocalTime) {
            put(time.hour)
            put(" h ")
            put(time.minute, width: 2)
        }

        mutating func dayOfMonth(_ date: LocalDate) {
            if date.day == 1 { put("1er") } else { put(date.day) }
        }

        mutating func put(_ words: String) {
            for byte in words.utf8 {
                precondition(count < buffer.count, "date text longer than \(Text.capacity) bytes")
                buffer[count] = byte
                count += 1
            }
        }

        /// Decimal, with zeros in front up to `width` digits.
        mutating func put(_ number: Int, width: Int = 1) {
            if number < 0 { put("-") }
            var magnitude = number.magnitude
            var length = 1
            var rest = magnitude / 10
            while rest > 0 {
                length += 1
                rest /= 10
            }
            for _ in length..<max(width, length) { put("0") }
            precondition(count + length <= buffer.count, "date text longer than \(Text.capacity) bytes")
            var index = count + length
            repeat {
                index -= 1
                buffer[index] = UInt8(magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            count += length
        }
    }
}
