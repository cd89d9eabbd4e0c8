import Foundation
@testable import PortalCore

/// Two children of one family, as the dossier would give them.
enum Kids {
    static let lea = BookableChild(id: 1, firstName: "Léa", birthDate: day("2018-05-04"), schoolLevel: .ce1)
    static let tom = BookableChild(id: 2, firstName: "Tom", birthDate: day("2020-09-30"), schoolLevel: .gs)
    static let bebe = BookableChild(id: 3, firstName: "Jade", birthDate: day("2023-06-15"), schoolLevel: nil)
}

func accepted(_ child: BookableChild, _ activity: String, year: String = "2026", validity: RegistrationPolicy.Validity = .calendarYear) -> Registration {
    Registration(childID: child.id, activityCode: activity,
                 period: RegistrationPeriod.containing(day(year + (validity == .calendarYear ? "-06-01" : "-01-15")), validity: validity),
                 status: .accepted)
}

func slot(_ date: String, _ child: BookableChild, _ activity: String, _ unit: String) -> SlotKey {
    SlotKey(date: day(date), childID: child.id, activity: activity, unit: unit)
}

func book(_ date: String, _ child: BookableChild, _ activity: String, _ unit: String) -> BasketLine {
    BasketLine(slot: slot(date, child, activity, unit), action: .book)
}

func cancel(_ date: String, _ child: BookableChild, _ activity: String, _ unit: String) -> BasketLine {
    BasketLine(slot: slot(date, child, activity, unit), action: .cancel)
}
