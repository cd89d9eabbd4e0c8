/// A child's photo as a family uploads it: a JPEG or PNG recognised by its first bytes (never
/// by the name or type the browser claims), at most 2 Mo, of a size a browser can decode, with
/// nothing hidden behind the picture. Stored as sent, not re-encoded.
public enum ChildPhoto {
    public static let maximumBytes = 2 * 1024 * 1024

    public enum Problem: Error, Hashable, Sendable {
        case tooLarge
        case notAPicture
        case tooManyPixels(ImageDimensions)
        case hiddenContent

        public var frenchMessage: String {
            switch self {
            case .tooLarge: "La photo dépasse 2 Mo : choisissez une image moins grande."
            case .notAPicture: "Ce fichier n'est pas une photo JPEG ou PNG."
            case .tooManyPixels(let dimensions): DocumentProblem.imageTooLarge(dimensions).frenchMessage
            case .hiddenContent: "Cette photo contient autre chose qu'une image (script, page web ou archive) : "
                + "enregistrez-la de nouveau en JPEG ou PNG puis réessayez."
            }
        }
    }

    /// The picture's format, or nil when no file was chosen (browsers send an empty part).
    public static func check(_ bytes: [UInt8]) throws(Problem) -> DocumentFormat? {
        guard !bytes.isEmpty else { return nil }
        guard bytes.count <= maximumBytes else { throw .tooLarge }
        let format: DocumentFormat
        switch DocumentFormat.detect(bytes) {
        case .jpeg: format = .jpeg
        case .png: format = .png
        case .pdf, nil: throw .notAPicture
        }
        switch DocumentFormat.contentProblem(bytes, format: format) {
        case .imageTooLarge(let dimensions)?: throw .tooManyPixels(dimensions)
        case .some: throw .hiddenContent
        case nil: return format
        }
    }
}
