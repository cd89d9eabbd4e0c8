public import Foundation

/// How much one family account may upload in 24 hours, per kind of upload: enough to send a whole
/// file's justificatifs in one evening, not enough to fill the town's database (ASVS 12.1.3).
public struct UploadQuota: Sendable, Equatable {
    public var files: Int
    public var bytes: Int

    public init(files: Int, bytes: Int) {
        self.files = files
        self.bytes = bytes
    }

    public static let window: TimeInterval = 24 * 3600
    /// « Mes documents ».
    public static let justificatifs = UploadQuota(files: 20, bytes: 60 * 1024 * 1024)
    /// Attachments of the family's messages, all threads together.
    public static let messageAttachments = UploadQuota(files: 30, bytes: 100 * 1024 * 1024)

    /// Why `adding` more on top of what was sent in the last 24 hours is refused, in French; nil
    /// when it fits.
    public func problem(sentFiles: Int, sentBytes: Int, addingFiles: Int, addingBytes: Int) -> String? {
        let advice = "Réessayez demain, ou écrivez au service si c'est urgent."
        if sentFiles + addingFiles > files {
            return "Vous avez déjà envoyé \(sentFiles) fichier(s) ces dernières 24 heures : \(files) au plus. \(advice)"
        }
        if sentBytes + addingBytes > bytes {
            return "Vous avez déjà envoyé \(AttachmentRules.megabytes(sentBytes)) de fichiers ces dernières 24 heures : "
                + "\(AttachmentRules.megabytes(bytes)) au plus. \(advice)"
        }
        return nil
    }
}
