import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The three file inputs of a message form, each checked by content against the town's limit.
/// An input left empty sends a part with an empty name and no bytes: it is skipped.
enum AttachmentUpload {
    static func fieldName(_ position: Int) -> String { "piece_\(position)" }

    static func collect(_ form: FormData, maximumBytes: Int) -> (attachments: [NewAttachment], problems: [FormProblem]) {
        var attachments: [NewAttachment] = []
        var problems: [FormProblem] = []
        for position in 1...AttachmentRules.maximumCount {
            let field = fieldName(position)
            guard let part = form.file(field) else { continue }
            let name = part.filename ?? ""
            if name.isEmpty && part.body.isEmpty { continue }
            switch AttachmentRules.check(part.body, maximumBytes: maximumBytes) {
            case .success(let format):
                attachments.append(NewAttachment(fileName: DocumentHandlers.safeFileName(name, format: format), format: format, bytes: part.body))
            case .failure(let problem):
                let shownName = String(name.split(separator: "/").last ?? "").prefix(80)
                problems.append(FormProblem(field: field, message: AttachmentRules.frenchMessage(problem, position: position, fileName: String(shownName),
                                                                                                   maximumBytes: maximumBytes)))
            }
        }
        return (attachments, problems)
    }
}

extension FieldErrors {
    mutating func add(_ problems: [FormProblem]) {
        for problem in problems { add(problem.field, problem.message) }
    }
}

enum MessagingUploads {
    /// Three attachments at the largest size a town may allow (the limit DocumentFormat sets for
    /// every upload), plus the form around them. The route is known before the town, so this is
    /// the ceiling; each town's own smaller limit is checked per file by the handler.
    static let bodyLimit = AttachmentRules.maximumCount * DocumentFormat.maximumBytes + 1024 * 1024
}
