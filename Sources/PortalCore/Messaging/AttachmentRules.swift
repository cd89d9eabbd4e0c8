/// Pieces jointes of the Messagerie: at most three per message, each a PDF, JPEG or PNG
/// recognised by its first bytes (`DocumentFormat.detect`), within the town's size limit.
public enum AttachmentRules {
    public static let maximumCount = 3

    /// The town's limit, never above what any upload of the portal may weigh (the server's
    /// body limit for a message is sized on that ceiling).
    public static func limit(for config: MessagingConfig) -> Int {
        min(config.maxAttachmentBytes, DocumentFormat.maximumBytes)
    }

    public static func check(_ bytes: [UInt8], maximumBytes: Int) -> Result<DocumentFormat, DocumentProblem> {
        DocumentProblem.check(bytes, maximumBytes: maximumBytes)
    }

    /// The message for one attachment (`1re pièce jointe : …`), with the town's own limit.
    public static func frenchMessage(_ problem: DocumentProblem, position: Int, fileName: String, maximumBytes: Int) -> String {
        let which = position == 1 ? "1re pièce jointe" : "\(position)e pièce jointe"
        let named = fileName.isEmpty ? which : "\(which) (« \(fileName) »)"
        switch problem {
        case .missing:
            return "\(named) : le fichier est vide."
        case .tooLarge:
            return "\(named) : le fichier dépasse \(megabytes(maximumBytes)). Réduisez-le (photo moins grande, PDF compressé) puis joignez-le de nouveau."
        case .unsupportedFormat:
            return "\(named) : ce fichier n'est ni un PDF, ni une image JPEG ou PNG. Joignez-le de nouveau dans l'un de ces formats."
        case .imageTooLarge, .hiddenContent:
            return "\(named) : " + problem.frenchMessage.prefix(1).lowercased() + problem.frenchMessage.dropFirst()
        }
    }

    /// « 6 Mo », « 2,5 Mo »
    public static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10) Mo" : "\(tenths / 10),\(tenths % 10) Mo"
    }
}
