import Testing
@testable import PortalCore

struct UploadQuotaTests {
    static let megabyte = 1_048_576

    /// (sent files, sent bytes, adding files, adding bytes, refusal mentions)
    static let justificatifs: [(Int, Int, Int, Int, String?)] = [
        (0, 0, 1, 6 * megabyte, nil),
        (19, 50 * megabyte, 1, 6 * megabyte, nil),
        (20, 10 * megabyte, 1, 1_000, "Vous avez déjà envoyé 20 fichier(s) ces dernières 24 heures : 20 au plus."),
        (10, 58 * megabyte, 1, 3 * megabyte, "Vous avez déjà envoyé 58 Mo de fichiers ces dernières 24 heures : 60 Mo au plus."),
        (10, 54 * megabyte, 1, 6 * megabyte, nil),
    ]

    @Test(arguments: justificatifs)
    func justificatifs_fitTwentyFilesAndSixtyMegabytesADay(sentFiles: Int, sentBytes: Int, addingFiles: Int, addingBytes: Int, refusal: String?) {
        let problem = UploadQuota.justificatifs.problem(sentFiles: sentFiles, sentBytes: sentBytes, addingFiles: addingFiles, addingBytes: addingBytes)
        if let refusal {
            #expect(problem?.hasPrefix(refusal) == true, "\(problem ?? "nil")")
            #expect(problem?.hasSuffix("Réessayez demain, ou écrivez au service si c'est urgent.") == true)
        } else {
            #expect(problem == nil)
        }
    }

    @Test func messageAttachments_countEveryFileOfTheMessage() {
        #expect(UploadQuota.messageAttachments.problem(sentFiles: 27, sentBytes: 0, addingFiles: 3, addingBytes: 3_000) == nil)
        #expect(UploadQuota.messageAttachments.problem(sentFiles: 28, sentBytes: 0, addingFiles: 3, addingBytes: 3_000) != nil)
    }
}
