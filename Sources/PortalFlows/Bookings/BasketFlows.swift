public import Foundation
public import PortalCore
public import PortalStore
import Postgres

/// A basket line written into a checkbox value: `2026-01-14|12|alsh-mercredi|journee|book`.
/// Forms send these back, so a line read from a form is trusted only once checked.
public enum BasketLineCode {
    public static func encode(_ line: BasketLine) -> String {
        "\(line.slot.date.iso)|\(line.slot.childID)|\(line.slot.activity)|\(line.slot.unit)|\(line.action.rawValue)"
    }

    /// The line a checkbox names, if its child is the family's and its unit the town's.
    public static func decode(_ value: String, family: BookingFamily, tenant: TenantConfig) -> BasketLine? {
        let parts = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let date = LocalDate(iso: parts[0]), let child = Int64(parts[1]),
              family.profile.children.contains(where: { $0.id == child }),
              tenant.activity(parts[2])?.unit(parts[3]) != nil, let action = BookingAction(rawValue: parts[4]) else { return nil }
        return BasketLine(date: date, childID: child, activity: parts[2], unit: parts[3], action: action)
    }
}

/// The panier as « Valider » would judge it now: each line with its tariff, and what clashes
/// with the family's bookings.
public struct BasketPage: Sendable {
    public struct Content: Sendable {
        public let family: BookingFamily
        public let recap: BasketRecap
        public let conflicts: [BasketConflict]
    }

    public let town: Town

    public init(town: Town) { self.town = town }

    /// nil when the account is linked to no family yet.
    public func load(accountID: Int64, family asked: Int64??, now: Date) throws -> Content? {
        let judge = town.judge
        let tenant = town.tenant
        let today = ParisTime.localDate(of: now)
        return try town.transaction { connection -> Content? in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { return nil }
            let basket = try BasketStore.load(familyID: family.id, in: connection)
            let days = basket.lines.map(\.slot.date)
            let (bookingContext, stored, _) = try family.bookingContext(from: days.min() ?? today, to: days.max() ?? today,
                                                                        tenant: tenant, in: connection)
            let recap = BasketRecap.make(basket, judge: judge, context: bookingContext, now: now)
            let existing = stored.map { ExistingBooking(slot: $0.slot, status: $0.status) }
            let conflicts = basket.conflicts(existing: existing, tenant: tenant, childName: family.childName)
            return Content(family: family, recap: recap, conflicts: conflicts)
        }
    }
}

/// Checked slots of the planning into the basket; a code naming another family's child or a
/// unit the town does not have is dropped.
public struct AddToBasket: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The family's id.
    public func run(accountID: Int64, family asked: Int64??, lines codes: [String], now: Date) throws -> Int64 {
        try town.transaction { connection in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { throw FlowError.notFound }
            let lines = codes.compactMap { BasketLineCode.decode($0, family: family, tenant: town.tenant) }
            try BasketStore.add(lines, familyID: family.id, now: now, in: connection)
            return family.id
        }
    }
}

/// Lines taken out of the basket before « Valider ».
public struct RemoveFromBasket: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    /// The family's id.
    public func run(accountID: Int64, family asked: Int64??, lines codes: [String]) throws -> Int64 {
        try town.transaction { connection in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection) else { throw FlowError.notFound }
            let lines = codes.compactMap { BasketLineCode.decode($0, family: family, tenant: town.tenant) }
            try BasketStore.remove(lines.map(\.slot), familyID: family.id, in: connection)
            return family.id
        }
    }
}

/// The summary of one confirmation, with its booking number; another family's reads as absent.
public struct ConfirmationPage: Sendable {
    public let town: Town

    public init(town: Town) { self.town = town }

    public func load(id: Int64, accountID: Int64, family asked: Int64??) throws -> (family: BookingFamily, confirmation: StoredConfirmation) {
        try town.transaction { connection in
            guard let family = try BookingFamily.resolve(accountID: accountID, asked: asked, in: connection),
                  let confirmation = try ConfirmationStore.find(id: id, familyID: family.id, in: connection) else { throw FlowError.notFound }
            return (family, confirmation)
        }
    }
}
