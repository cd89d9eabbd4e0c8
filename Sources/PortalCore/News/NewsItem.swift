public import Foundation

/// An "actualité" a town publishes for its families. The body is written in `NewsMarkup`.
public struct NewsItem: Sendable, Equatable {
    public let id: Int64
    public let title: String
    public let body: String
    public let publishedOn: LocalDate
    public let expiresOn: LocalDate?
    public let pinned: Bool
    public let updatedAt: Date

    public init(id: Int64, title: String, body: String, publishedOn: LocalDate, expiresOn: LocalDate? = nil, pinned: Bool = false,
                updatedAt: Date = Date(timeIntervalSince1970: 0)) {
        self.id = id
        self.title = title
        self.body = body
        self.publishedOn = publishedOn
        self.expiresOn = expiresOn
        self.pinned = pinned
        self.updatedAt = updatedAt
    }

    /// Staff separate paragraphs with a blank line.
    public var paragraphs: [String] {
        body.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// Shown to families from its publication day to its expiry day, both included.
    public func isVisible(on day: LocalDate) -> Bool {
        publishedOn <= day && (expiresOn.map { day <= $0 } ?? true)
    }
}
