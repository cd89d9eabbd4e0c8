import Foundation
import Testing
import PortalCore

struct AttachmentRulesTests {
    static let limit = 6 * 1_048_576

    @Test(arguments: [
        (Array("%PDF-1.4 ...".utf8), DocumentFormat.pdf),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00], .jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], .png),
    ])
    func fileRecognisedByItsFirstBytes_isAccepted(bytes: [UInt8], format: DocumentFormat) {
        #expect(AttachmentRules.check(bytes, maximumBytes: Self.limit) == .success(format))
    }

    @Test(arguments: [
        ("ELF executable named .pdf", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01] as [UInt8]),
        ("Windows executable", Array("MZ\u{90}\u{0}".utf8)),
        ("HTML page", Array("<html><script>alert(1)</script>".utf8)),
        ("PDF signature not at the start", Array(" %PDF-1.4".utf8)),
        ("GIF image", Array("GIF89a".utf8)),
    ])
    func fileThatIsNoPDFJPEGOrPNG_isRefused(_ what: String, bytes: [UInt8]) {
        #expect(AttachmentRules.check(bytes, maximumBytes: Self.limit) == .failure(.unsupportedFormat), "\(what)")
    }

    @Test(arguments: [(5_242_880, 5_242_880, true), (5_242_880, 5_242_881, false), (6_291_456, 6_291_456, true), (6_291_456, 6_291_457, false)])
    func sizeLimit_isTheTownsOwn(limit: Int, size: Int, accepted: Bool) {
        let bytes = Array("%PDF-".utf8) + Array(repeating: 0x20, count: size - 5)
        #expect((AttachmentRules.check(bytes, maximumBytes: limit) == .success(.pdf)) == accepted)
    }

    @Test func emptyFile_isRefusedAsMissing() {
        #expect(AttachmentRules.check([], maximumBytes: Self.limit) == .failure(.missing))
    }

    @Test(arguments: [(6_291_456, "6 Mo"), (5_242_880, "5 Mo"), (2_621_440, "2,5 Mo")])
    func limitIsWrittenInMegabytes(bytes: Int, text: String) {
        #expect(AttachmentRules.megabytes(bytes) == text)
    }

    @Test func message_namesThePositionTheFileAndTheLimit() {
        #expect(AttachmentRules.frenchMessage(.tooLarge, position: 2, fileName: "scan.pdf", maximumBytes: 5_242_880)
                == "2e pièce jointe (« scan.pdf ») : le fichier dépasse 5 Mo. Réduisez-le (photo moins grande, PDF compressé) puis joignez-le de nouveau.")
        #expect(AttachmentRules.frenchMessage(.unsupportedFormat, position: 1, fileName: "", maximumBytes: 5_242_880)
                .hasPrefix("1re pièce jointe : ce fichier n'est ni un PDF"))
    }
}

extension AttachmentRulesTests {
    @Test(arguments: [(5_242_880, 5_242_880), (6_291_456, 6_291_456), (20_000_000, 6_291_456)])
    func townLimit_neverExceedsThePortalsUploadCeiling(configured: Int, applied: Int) {
        #expect(AttachmentRules.limit(for: MessagingConfig(services: [], themes: [], maxAttachmentBytes: configured)) == applied)
    }
}
