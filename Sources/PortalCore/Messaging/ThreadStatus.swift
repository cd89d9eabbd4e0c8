/// A conversation is open until staff close it; a family writing again reopens it.
public enum ThreadStatus: String, Sendable, CaseIterable {
    case open, closed

    public var frenchLabel: String {
        switch self {
        case .open: "En cours"
        case .closed: "Clôturée"
        }
    }
}

/// Who wrote a message of a thread.
public enum MessageAuthor: String, Sendable {
    case family, staff
}
