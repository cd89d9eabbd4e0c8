/// Dates as families type them: « 12/03/2019 », « 12-03-2019 », « 1/3/2019 » or the ISO
/// « 2019-03-12 » a browser's date input sends.
public enum TypedDate {
    public static func parse(_ typed: String) -> LocalDate? {
        let text = typed.filter { !$0.isWhitespace }
        if let iso = LocalDate(iso: text) { return iso }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// « 12/03/2019 », the form French paper forms use.
    public static func display(_ date: LocalDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }
}
