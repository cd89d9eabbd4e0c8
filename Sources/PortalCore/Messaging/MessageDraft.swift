/// What a family typed in « Envoyer un message », checked against the town's services and
/// themes before anything is stored.
public struct MessageDraft: Sendable, Equatable {
    public var serviceCode: String
    public var theme: String
    public var subject: String
    public var body: String

    public init(serviceCode: String, theme: String, subject: String, body: String) {
        self.serviceCode = serviceCode
        self.theme = theme
        self.subject = subject
        self.body = body
    }

    public static let maximumSubject = 200
    public static let maximumBody = 10_000

    /// Problems in the order the fields appear on the form, each with the field's name.
    public func problems(in config: MessagingConfig) -> [FormProblem] {
        var problems: [FormProblem] = []
        if !config.services.contains(where: { $0.code == serviceCode }) {
            problems.append(FormProblem(field: "service", message: "Choisissez le service à qui écrire."))
        }
        if !config.themes.contains(theme) {
            problems.append(FormProblem(field: "theme", message: "Choisissez le thème de votre message."))
        }
        if subject.isEmpty {
            problems.append(FormProblem(field: "objet", message: "Indiquez l'objet de votre message."))
        } else if subject.count > Self.maximumSubject {
            problems.append(FormProblem(field: "objet", message: "L'objet ne peut pas dépasser \(Self.maximumSubject) caractères."))
        }
        problems += Self.bodyProblems(body)
        return problems
    }

    /// A reply in a thread only has a body.
    public static func bodyProblems(_ body: String) -> [FormProblem] {
        if body.isEmpty { return [FormProblem(field: "message", message: "Écrivez votre message.")] }
        if body.count > maximumBody {
            return [FormProblem(field: "message", message: "Le message ne peut pas dépasser \(maximumBody) caractères.")]
        }
        return []
    }
}

/// A form field and what is wrong with it, in French.
public struct FormProblem: Sendable, Equatable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
