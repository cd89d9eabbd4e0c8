/// The justificatifs a family may send, recognised by their first bytes rather than by the
/// name or type the browser claims.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case pdf, jpeg, png

    public static let maximumBytes = 6 * 1024 * 1024

    public var contentType: String {
        switch self {
        case .pdf: "application/pdf"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    /// What refuses a file its first bytes name: a declared size no one should decode, or
    /// content hidden behind the signature.
    public static func contentProblem(_ bytes: [UInt8], format: DocumentFormat) -> DocumentProblem? {
        if let dimensions = ImageDimensions.read(bytes, format: format), dimensions.isExcessive { return .imageTooLarge(dimensions) }
        if HiddenContent.isPresent(in: bytes, format: format) { return .hiddenContent }
        return nil
    }

    /// `%PDF-`, JPEG's SOI + marker `FF D8 FF`, or the PNG signature (RFC 2083 §3.1).
    public static func detect(_ bytes: [UInt8]) -> DocumentFormat? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }
}

public enum DocumentProblem: Error, Sendable, Equatable {
    case missing
    case tooLarge
    case unsupportedFormat
    case imageTooLarge(ImageDimensions)
    case hiddenContent

    public var frenchMessage: String {
        switch self {
        case .missing: "Choisissez un fichier à envoyer."
        case .tooLarge: "Le fichier dépasse 6 Mo : réduisez-le (photo moins grande, PDF compressé) puis réessayez."
        case .unsupportedFormat: "Ce fichier n'est ni un PDF, ni une image JPEG ou PNG."
        case .imageTooLarge(let dimensions):
            "Cette image mesure \(dimensions.french) pixels : enregistrez-la en plus petit "
                + "(\(ImageDimensions.grouped(ImageDimensions.maximumSide)) pixels de côté et \(ImageDimensions.maximumPixels / 1_000_000) millions de pixels au plus) puis réessayez."
        case .hiddenContent:
            "Ce fichier contient autre chose qu'un document (script, page web, archive ou action automatique) : "
                + "enregistrez-le de nouveau comme simple PDF ou image (par exemple avec « Imprimer en PDF ») puis réessayez."
        }
    }

    /// A file for « Mes documents », the town's documents or (with the town's limit) a message.
    public static func check(_ bytes: [UInt8], maximumBytes: Int = DocumentFormat.maximumBytes) -> Result<DocumentFormat, DocumentProblem> {
        guard !bytes.isEmpty else { return .failure(.missing) }
        guard bytes.count <= maximumBytes else { return .failure(.tooLarge) }
        guard let format = DocumentFormat.detect(bytes) else { return .failure(.unsupportedFormat) }
        if let problem = DocumentFormat.contentProblem(bytes, format: format) { return .failure(problem) }
        return .success(format)
    }
}
