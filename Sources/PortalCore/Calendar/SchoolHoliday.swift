/// The three zones of metropolitan France for winter and spring school holidays.
public enum SchoolZone: String, Codable, Sendable, CaseIterable {
    case a = "A", b = "B", c = "C"
}

public enum SchoolHolidayKind: String, Codable, Sendable, CaseIterable {
    case toussaint, noel, hiver, printemps, ete, pontAscension

    /// The name shown to families and staff.
    public var label: String {
        switch self {
        case .toussaint: "Toussaint"
        case .noel: "Noël"
        case .hiver: "Hiver"
        case .printemps: "Printemps"
        case .ete: "Été"
        case .pontAscension: "Pont de l'Ascension"
        }
    }
}

/// A school holiday period, as days without class: from the day after classes end
/// to the day before they resume, both included.
public struct SchoolHoliday: Hashable, Sendable, Codable {
    public let kind: SchoolHolidayKind
    /// The school year the period belongs to, "2025-2026".
    public let schoolYear: String
    public let firstDay: LocalDate
    public let lastDay: LocalDate

    public init(kind: SchoolHolidayKind, schoolYear: String, firstDay: LocalDate, lastDay: LocalDate) {
        self.kind = kind
        self.schoolYear = schoolYear
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// Built from the official wording: "fin des cours" (after class that day) and "reprise des cours"
    /// (in the morning of that day).
    public init(kind: SchoolHolidayKind, schoolYear: String, classesEnd: LocalDate, resume: LocalDate) {
        self.init(kind: kind, schoolYear: schoolYear, firstDay: classesEnd.adding(days: 1), lastDay: resume.adding(days: -1))
    }

    public func contains(_ date: LocalDate) -> Bool {
        firstDay <= date && date <= lastDay
    }

    /// Every day of the period.
    public var days: [LocalDate] { firstDay.through(lastDay) }
}

/// The days of a shipped school year when classes may be held: from the rentrée to the day
/// classes end for the summer, both included.
public struct SchoolYearTerm: Hashable, Sendable, Codable {
    /// "2025-2026"
    public let schoolYear: String
    /// First day of class (rentrée des élèves).
    public let rentree: LocalDate
    /// Last day before the summer holidays (fin des cours).
    public let summerClassesEnd: LocalDate

    public init(schoolYear: String, rentree: LocalDate, summerClassesEnd: LocalDate) {
        self.schoolYear = schoolYear
        self.rentree = rentree
        self.summerClassesEnd = summerClassesEnd
    }

    public func contains(_ date: LocalDate) -> Bool {
        rentree <= date && date <= summerClassesEnd
    }
}
