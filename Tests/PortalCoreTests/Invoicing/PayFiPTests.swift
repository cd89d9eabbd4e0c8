import Testing
@testable import PortalCore

private let attempt = OnlinePayment(refdet: "2026000123P01", numcli: "123456", exer: 2026, amount: Money(cents: 4160), status: .pending)

private func notification(_ resultrans: String, refdet: String = "2026000123P01", montant: String = "4160",
                          numcli: String = "123456", exer: String = "2026") -> PayFiP.Notification {
    PayFiP.Notification(numcli: numcli, exer: exer, refdet: refdet, montant: montant, resultrans: resultrans, numauto: "A1B2C3")
}

private func with(_ status: OnlinePayment.Status) -> OnlinePayment {
    OnlinePayment(refdet: attempt.refdet, numcli: attempt.numcli, exer: attempt.exer, amount: attempt.amount, status: status)
}

@Suite struct PayFiPTests {
    @Test func paymentURL_carriesEveryParameterEncoded() {
        let request = PayFiP.PaymentRequest(numcli: "123456", exer: 2026, refdet: "2026000123P01", montant: 4160, mel: "camille+test@exemple.fr",
                                            objet: PayFiP.objet("Facture 2026-000123 – Saint-Aubin-des-Prés"), saisie: .T,
                                            urlnotif: "http://a.localhost/paiement/payfip/notification", urlredirect: "http://a.localhost/facturation/retour")
        #expect(request.url(base: "https://www.payfip.gouv.fr/tpa/paiement.web") == "https://www.payfip.gouv.fr/tpa/paiement.web?numcli=123456&exer=2026"
            + "&refdet=2026000123P01&montant=4160&mel=camille%2Btest%40exemple.fr&objet=Facture%202026%20000123%20%20%20Saint%20Aubin%20des%20Pres"
            + "&saisie=T&urlnotif=http%3A%2F%2Fa.localhost%2Fpaiement%2Fpayfip%2Fnotification&urlredirect=http%3A%2F%2Fa.localhost%2Ffacturation%2Fretour")
    }

    @Test(arguments: [(1, "2026000123P01"), (12, "2026000123P12")])
    func refdet_isTheInvoiceNumberAndTheAttempt(_ rank: Int, _ expected: String) {
        #expect(PayFiP.refdet(invoice: InvoiceNumber(year: 2026, sequence: 123)!, attempt: rank) == expected)
    }

    @Test(arguments: [
        (OnlinePayment.Status.pending, "P", OnlinePayment.Verdict.record(.paid)),
        (.pending, "V", .record(.paid)),
        (.pending, "R", .record(.refused)),
        (.pending, "Z", .record(.refused)),
        (.pending, "A", .record(.abandoned)),
        (.paid, "P", .replay),
        (.paid, "V", .replay),
        (.refused, "R", .replay),
        (.abandoned, "P", .record(.paid)),
        (.refused, "V", .record(.paid)),
        (.paid, "R", .refuse("already paid")),
        (.paid, "A", .refuse("already paid")),
        (.abandoned, "R", .refuse("already abandoned")),
        (.pending, "X", .refuse("unknown resultrans")),
    ])
    func notification_movesAnAttemptOnlyForward_andReplaysAreIgnored(_ status: OnlinePayment.Status, _ resultrans: String, _ verdict: OnlinePayment.Verdict) {
        #expect(OnlinePayment.judge(notification(resultrans), attempt: with(status)) == verdict)
    }

    @Test(arguments: [
        (notification("P", montant: "1"), "amount mismatch"),
        (notification("P", numcli: "654321"), "numcli mismatch"),
        (notification("P", exer: "2025"), "exer mismatch"),
    ])
    func notificationNotMatchingThePaymentWeCreated_isRefused(_ forged: PayFiP.Notification, _ reason: String) {
        #expect(OnlinePayment.judge(forged, attempt: attempt) == .refuse(reason))
    }

    @Test func notificationForAnUnknownRefdet_isRefused() {
        #expect(OnlinePayment.judge(notification("P", refdet: "2026999999P01"), attempt: nil) == .refuse("unknown refdet"))
    }
}
