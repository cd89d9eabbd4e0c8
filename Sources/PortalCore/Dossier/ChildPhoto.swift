/// A child's photo as a family uploads it: a JPEG or PNG recognised by its first bytes (never
/// by the name or type the browser claims), at most 2 Mo, of a size a browser can decode.
/// Stored as sent, not re-encoded.
public enum ChildPhoto {
    public static let maximumBytes = 2 * 1024 * 1024

    public enum Problem: Error, Hashable, Sendable {
        case tooLarge
        case notAPicture
        case tooManyPixels(ImageDimensions)

        public var frenchMessage: String {
            switch self {
            case .tooLarge: "La photo dépasse 2 Mo : choisissez une image moins grande."
            case .notAPicture: "Ce fichier n'est pas une photo JPEG ou PNG."
            case .tooManyPixels(let dimensions): DocumentProblem.imageTooLarge(dimensions).frenchMessage
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
        if case .imageTooLarge(let dimensions)? = DocumentFormat.contentProblem(bytes, format: format) { throw .tooManyPixels(dimensions) }
        return format
    }
}
