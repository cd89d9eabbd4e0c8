/// A French national public holiday (jour férié), named as families read it.
public struct PublicHoliday: Hashable, Sendable, Codable {
    public let date: LocalDate
    public let name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}
