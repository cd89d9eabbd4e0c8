import Testing
@testable import PortalCore

struct PriceRow: Sendable, CustomTestStringConvertible {
    let town: String
    let activity: String
    let unit: String
    let day: String
    let tariff: Tariff
    let quotient: Int?
    let residency: Residency
    let expected: String

    init(_ town: String, _ activity: String, _ unit: String, _ day: String, _ tariff: Tariff, qf quotient: Int?,
         _ residency: Residency, _ expected: String) {
        self.town = town
        self.activity = activity
        self.unit = unit
        self.day = day
        self.tariff = tariff
        self.quotient = quotient
        self.residency = residency
        self.expected = expected
    }

    var testDescription: String { "\(town) \(activity)/\(unit) \(tariff.rawValue) QF \(quotient.map(String.init) ?? "inconnu") → \(expected)" }
}

@Suite struct InvoicePricingTests {
    @Test(arguments: [
        // Seed 004: « Après-midi SANS repas » 5,20 €, « AVEC repas » 10,40 €, à l'unité.
        PriceRow("saint-aubin-des-pres", "cl-maternel-mercredis", "sansRepas", "2026-01-07", .unit, qf: nil, .resident, "5,20 €"),
        PriceRow("saint-aubin-des-pres", "cl-maternel-mercredis", "avecRepas", "2026-01-07", .unit, qf: 450, .resident, "10,40 €"),
        PriceRow("saint-aubin-des-pres", "cl-elementaire-mercredis", "avecRepas", "2026-01-14", .unit, qf: 2000, .nonResident, "10,40 €"),
        // Seed 002: late additions 4 € in the morning, 10 € in the evening, whatever the quotient…
        PriceRow("val-de-lauze", "periscolaire-matin", "matin", "2026-03-10", .lateSurcharge, qf: 300, .resident, "4,00 €"),
        PriceRow("val-de-lauze", "periscolaire-matin", "matin", "2026-03-10", .unit, qf: 300, .resident, "1,00 €"),
        PriceRow("val-de-lauze", "periscolaire-soir", "soir", "2026-03-10", .lateSurcharge, qf: 1200, .resident, "10,00 €"),
        // …the day's price + 3 € on Wednesdays and in the holidays, by quotient bracket…
        PriceRow("val-de-lauze", "alsh-mercredi", "journee", "2026-03-11", .lateSurcharge, qf: 300, .resident, "12,00 €"),
        PriceRow("val-de-lauze", "alsh-mercredi", "journee", "2026-03-11", .lateSurcharge, qf: 700, .resident, "15,00 €"),
        PriceRow("val-de-lauze", "alsh-mercredi", "journee", "2026-03-11", .lateSurcharge, qf: nil, .resident, "18,00 €"),
        PriceRow("val-de-lauze", "alsh-vacances", "journee", "2026-04-14", .unit, qf: 950, .resident, "15,00 €"),
        // …and late cancellations at the price of the service.
        PriceRow("val-de-lauze", "restauration", "repas", "2026-03-10", .lateCancellation, qf: 600, .resident, "3,60 €"),
        PriceRow("val-de-lauze", "periscolaire-matin", "matin", "2026-03-10", .lateCancellation, qf: 400, .resident, "1,00 €"),
        PriceRow("val-de-lauze", "restauration", "repas", "2026-03-10", .none, qf: 600, .resident, "0,00 €"),
    ])
    func unitOfASeedTown_isPricedFromItsTables(_ row: PriceRow) throws {
        let pricing = InvoicePricing(tenant: try shippedTenant(row.town), quotient: row.quotient, residency: row.residency)
        #expect(pricing.price(activity: row.activity, unit: row.unit, day: day(row.day), tariff: row.tariff)?.french == row.expected)
    }

    @Test(arguments: [
        (Residency.resident, Tariff.unit, "15,00 €"),
        (.nonResident, .unit, "18,00 €"),
        // The outing supplement is for the day out, not for a cancelled one.
        (.resident, .lateCancellation, "10,00 €"),
    ])
    func outingDay_addsItsSupplementToTheDayPrice(_ residency: Residency, _ tariff: Tariff, _ expected: String) throws {
        let pricing = InvoicePricing(tenant: try TenantFixture.decode(TenantFixture.base).get(), quotient: 500, residency: residency)
        #expect(pricing.price(activity: "alsh", unit: "journee", day: day("2026-03-18"), tariff: tariff)?.french == expected)
    }

    @Test func unitNoLongerInTheFile_hasNoPrice() throws {
        let pricing = InvoicePricing(tenant: try shippedTenant("val-de-lauze"), quotient: nil, residency: .resident)
        #expect(pricing.price(activity: "restauration", unit: "gouter", day: day("2026-03-10"), tariff: .unit) == nil)
    }
}
