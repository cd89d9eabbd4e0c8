import Testing
@testable import PortalCore

/// Every event from every state: the allowed transitions and the refused ones.
@Suite struct BookingStatusTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let from: BookingStatus?
        let event: BookingEvent
        let to: Result<BookingStatus, BookingTransitionError>
        init(_ from: BookingStatus?, _ event: BookingEvent, _ to: BookingStatus) { self.from = from; self.event = event; self.to = .success(to) }
        init(_ from: BookingStatus?, _ event: BookingEvent, refused error: BookingTransitionError) { self.from = from; self.event = event; self.to = .failure(error) }
        var testDescription: String { "\(from.map(\.rawValue) ?? "none") + \(event) → \(to)" }
    }

    static let bookNow = BookingEvent.book(needsValidation: false, placeAvailable: true)
    static let bookRequest = BookingEvent.book(needsValidation: true, placeAvailable: true)
    static let bookFull = BookingEvent.book(needsValidation: false, placeAvailable: false)
    static let cancelNow = BookingEvent.cancel(needsValidation: false)
    static let cancelRequest = BookingEvent.cancel(needsValidation: true)

    @Test(arguments: [
        // Booking: a free slot (never booked, cancelled, withdrawn, refused) can be booked again.
        Row(nil, bookNow, .booked), Row(nil, bookRequest, .pendingValidation), Row(nil, bookFull, .waitingList),
        Row(.cancelled, bookNow, .booked), Row(.withdrawn, bookRequest, .pendingValidation), Row(.refused, bookFull, .waitingList),
        Row(.booked, bookNow, refused: .alreadyBooked(.booked)), Row(.pendingValidation, bookNow, refused: .alreadyBooked(.pendingValidation)),
        Row(.waitingList, bookNow, refused: .alreadyBooked(.waitingList)), Row(.absent, bookNow, refused: .alreadyBooked(.absent)),
        Row(.cancellationRequested, bookNow, refused: .alreadyBooked(.cancellationRequested)),
        // Cancelling.
        Row(.booked, cancelNow, .cancelled), Row(.booked, cancelRequest, .cancellationRequested),
        Row(.absent, cancelNow, .cancelled), Row(.absent, cancelRequest, .cancellationRequested),
        Row(.waitingList, cancelRequest, .cancelled),
        Row(nil, cancelNow, refused: .nothingToCancel), Row(.pendingValidation, cancelNow, refused: .nothingToCancel),
        Row(.cancellationRequested, cancelNow, refused: .nothingToCancel), Row(.refused, cancelNow, refused: .nothingToCancel),
        Row(.cancelled, cancelNow, refused: .nothingToCancel), Row(.withdrawn, cancelNow, refused: .nothingToCancel),
        // Declaring an absence.
        Row(.booked, .declareAbsence, .absent),
        Row(nil, .declareAbsence, refused: .notBooked), Row(.absent, .declareAbsence, refused: .notBooked),
        Row(.pendingValidation, .declareAbsence, refused: .notBooked), Row(.waitingList, .declareAbsence, refused: .notBooked),
        Row(.cancellationRequested, .declareAbsence, refused: .notBooked), Row(.cancelled, .declareAbsence, refused: .notBooked),
        // Withdrawing a request staff have not answered.
        Row(.pendingValidation, .withdraw, .withdrawn), Row(.cancellationRequested, .withdraw, .booked),
        Row(nil, .withdraw, refused: .nothingToWithdraw), Row(.booked, .withdraw, refused: .nothingToWithdraw),
        Row(.waitingList, .withdraw, refused: .nothingToWithdraw), Row(.refused, .withdraw, refused: .nothingToWithdraw),
        Row(.absent, .withdraw, refused: .nothingToWithdraw), Row(.withdrawn, .withdraw, refused: .nothingToWithdraw),
        // Staff answers.
        Row(.pendingValidation, .staffAccept, .booked), Row(.cancellationRequested, .staffAccept, .cancelled),
        Row(.pendingValidation, .staffRefuse, .refused), Row(.cancellationRequested, .staffRefuse, .booked),
        Row(.booked, .staffAccept, refused: .nothingToAnswer), Row(.withdrawn, .staffAccept, refused: .nothingToAnswer),
        Row(.refused, .staffRefuse, refused: .nothingToAnswer), Row(nil, .staffRefuse, refused: .nothingToAnswer),
        Row(.waitingList, .staffAccept, refused: .nothingToAnswer), Row(.absent, .staffRefuse, refused: .nothingToAnswer),
        // Promotion from the waiting list.
        Row(.waitingList, .promote(needsValidation: false), .booked), Row(.waitingList, .promote(needsValidation: true), .pendingValidation),
        Row(nil, .promote(needsValidation: false), refused: .notWaiting), Row(.booked, .promote(needsValidation: false), refused: .notWaiting),
        Row(.cancelled, .promote(needsValidation: false), refused: .notWaiting), Row(.pendingValidation, .promote(needsValidation: true), refused: .notWaiting),
    ])
    func transition(_ row: Row) throws {
        switch row.to {
        case .success(let expected):
            #expect(try row.from.applying(row.event) == expected)
        case .failure(let expected):
            #expect(throws: expected) { try row.from.applying(row.event) }
        }
    }

    @Test func placeHolding_matchesWhatCapacityCounts() {
        #expect(BookingStatus.allCases.filter(\.holdsPlace) == [.booked, .pendingValidation, .absent, .cancellationRequested])
        #expect(BookingStatus.allCases.filter(\.isActive) == [.booked, .pendingValidation, .waitingList, .absent, .cancellationRequested])
    }

    @Test func legend_namesEachStateInWordsAndSymbol() {
        #expect(PlanningSlotState.legend.map(\.label) == [
            "Réservé / enfant présent", "Demande en attente de validation", "Liste d'attente", "En attente du tirage au sort", "Enfant absent",
            "Demande d'annulation", "Demande refusée", "Non réservable ou non modifiable",
        ])
        #expect(Set(PlanningSlotState.allCases.map(\.symbol)).count == PlanningSlotState.allCases.count)
        #expect(PlanningSlotState(.cancelled) == nil)
        #expect(PlanningSlotState(.withdrawn) == nil)
        #expect(PlanningSlotState(.absent) == .absent)
    }
}
