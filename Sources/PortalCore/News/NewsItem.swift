/// An "actualité" a town publishes for its families.
public struct NewsItem: Sendable, Equatable {
    public let id: Int64
    public let title: String
    public let body: String
    public let publishedOn: LocalDate

    public init(id: Int64, title: String, body: String, publishedOn: LocalDate) {
        self.id = id
        self.title = title
        self.body = body
        self.publishedOn = publishedOn
    }

    /// Staff separate paragraphs with a blank line.
    public var paragraphs: [String] {
        body.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
