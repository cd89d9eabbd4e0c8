/// One line of an invoice or a credit note: what a family sees and the PDF prints.
public struct InvoiceLine: Sendable, Equatable {
    /// The booking billed; nil for a line staff typed (a credit note's correction).
    public let bookingID: Int64?
    public let day: LocalDate
    public let childName: String
    public let activityLabel: String
    public let unitLabel: String
    /// « à l'unité », « tarif majoré (hors délai) », « absence facturée »…
    public let tariffLabel: String
    public let amount: Money

    public init(bookingID: Int64?, day: LocalDate, childName: String, activityLabel: String, unitLabel: String,
                tariffLabel: String, amount: Money) {
        self.bookingID = bookingID
        self.day = day
        self.childName = childName
        self.activityLabel = activityLabel
        self.unitLabel = unitLabel
        self.tariffLabel = tariffLabel
        self.amount = amount
    }
}
