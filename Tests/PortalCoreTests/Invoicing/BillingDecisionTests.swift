import Testing
@testable import PortalCore

struct BillingRow: Sendable, CustomTestStringConvertible {
    let status: BookingStatus
    let tariff: Tariff
    let attendance: Attendance?
    let basis: BillingBasis
    let excused: InvoicingPolicy.ExcusedAbsences
    let expected: BillingDecision

    var testDescription: String {
        "\(status.rawValue)/\(tariff.rawValue)/\(attendance?.rawValue ?? "-") au \(basis == .booked ? "réservé" : "présent"), absences \(excused.rawValue)"
    }
}

private func row(_ status: BookingStatus, _ tariff: Tariff, _ attendance: Attendance?, _ basis: BillingBasis,
                 _ excused: InvoicingPolicy.ExcusedAbsences, _ expected: BillingDecision) -> BillingRow {
    BillingRow(status: status, tariff: tariff, attendance: attendance, basis: basis, excused: excused, expected: expected)
}

@Suite struct BillingDecisionTests {
    @Test(arguments: [
        row(.booked, .unit, nil, .booked, .notBilled, .bill(.unit, note: nil)),
        row(.booked, .unit, .present, .booked, .notBilled, .bill(.unit, note: nil)),
        row(.booked, .unit, .absentUnexcused, .booked, .notBilled, .bill(.unit, note: "absence non justifiée")),
        row(.booked, .unit, .absentExcused, .booked, .notBilled, .skip(.excusedAbsence)),
        row(.booked, .lateSurcharge, .absentExcused, .booked, .billed, .bill(.lateSurcharge, note: "absence justifiée")),
        row(.booked, .unit, .absentExcused, .attended, .billed, .skip(.notAttended)),
        row(.booked, .lateSurcharge, nil, .booked, .notBilled, .bill(.lateSurcharge, note: nil)),
        row(.booked, .unit, .present, .attended, .notBilled, .bill(.unit, note: nil)),
        row(.booked, .unit, .absentUnexcused, .attended, .notBilled, .skip(.notAttended)),
        row(.booked, .unit, nil, .attended, .notBilled, .skip(.attendanceNotTaken)),
        row(.absent, .unit, nil, .booked, .notBilled, .skip(.excusedAbsence)),
        row(.absent, .unit, nil, .booked, .billed, .bill(.unit, note: "absence déclarée")),
        row(.absent, .unit, nil, .attended, .billed, .skip(.notAttended)),
        // Declared past the town's absence deadline: not excused, billed whatever the basis and policy.
        row(.absent, .lateAbsence, nil, .booked, .notBilled, .bill(.lateAbsence, note: "absence déclarée hors délai")),
        row(.absent, .lateAbsence, nil, .attended, .notBilled, .bill(.lateAbsence, note: "absence déclarée hors délai")),
        row(.cancelled, .lateCancellation, nil, .booked, .notBilled, .bill(.lateCancellation, note: nil)),
        row(.cancelled, .lateCancellation, nil, .attended, .notBilled, .bill(.lateCancellation, note: nil)),
        row(.cancelled, .none, nil, .booked, .notBilled, .skip(.notConsumed)),
        row(.withdrawn, .unit, nil, .booked, .notBilled, .skip(.notConsumed)),
        row(.refused, .unit, nil, .booked, .notBilled, .skip(.notConsumed)),
        row(.waitingList, .unit, nil, .booked, .notBilled, .skip(.notConsumed)),
        row(.pendingValidation, .unit, nil, .booked, .notBilled, .skip(.pending)),
        row(.cancellationRequested, .unit, nil, .booked, .notBilled, .skip(.pending)),
    ])
    func booking_isBilledAccordingToBasisAndAbsenceRule(_ row: BillingRow) {
        let booking = BillableBooking(bookingID: 1, childID: 1, childName: "Léa", activity: "alsh", unit: "journee", day: day("2026-03-11"),
                                      status: row.status, tariff: row.tariff, attendance: row.attendance)
        #expect(BillingDecision.decide(booking, basis: row.basis, policy: InvoicingPolicy(excusedAbsences: row.excused)) == row.expected)
    }

    @Test(arguments: [("present", Attendance?.some(.present)), ("late", .present), ("absentExcused", .absentExcused),
                      ("absentUnexcused", .absentUnexcused), ("absent", nil)])
    func backOfficeMark_readsAsAttendance_lateCountingAsPresent(_ mark: String, _ expected: Attendance?) {
        #expect(Attendance(mark: mark) == expected)
    }
}
