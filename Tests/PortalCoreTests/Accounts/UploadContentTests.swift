import Testing
import PortalCore

/// Files whose first bytes name an accepted format but that no one should open: a size no
/// decoder should attempt, or something hidden behind the picture or the PDF.
struct UploadContentTests {
    static func png(width: Int, height: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8)
        bytes += bigEndian(width, 4)
        bytes += bigEndian(height, 4)
        bytes += [8, 2, 0, 0, 0, 0, 0, 0, 0]
        return bytes + [UInt8](repeating: 0x11, count: 64)
    }

    /// SOI, a JFIF APP0, a Huffman table (0xC4, not a frame), then a start-of-frame `frame`.
    static func jpeg(width: Int, height: Int, frame: UInt8 = 0xC0, fill: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        bytes += [0xFF, 0xC4, 0, 4, 0x00, 0x00]
        if fill { bytes += [0xFF, 0xFF] }
        bytes += [0xFF, frame, 0, 11, 8]
        bytes += bigEndian(height, 2)
        bytes += bigEndian(width, 2)
        bytes += [1, 1, 0x11, 0, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0]
        return bytes + [UInt8](repeating: 0x22, count: 64) + [0xFF, 0xD9]
    }

    static func bigEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8((value >> (8 * $0)) & 0xFF) }
    }

    static let declared: [([UInt8], DocumentFormat, ImageDimensions)] = [
        (png(width: 4032, height: 3024), .png, ImageDimensions(width: 4032, height: 3024)),
        (jpeg(width: 4032, height: 3024), .jpeg, ImageDimensions(width: 4032, height: 3024)),
        (jpeg(width: 640, height: 480, frame: 0xC2), .jpeg, ImageDimensions(width: 640, height: 480)),
        (jpeg(width: 50_000, height: 50_000, fill: true), .jpeg, ImageDimensions(width: 50_000, height: 50_000)),
    ]

    @Test(arguments: declared)
    func declaredSize_isReadFromTheHeader(bytes: [UInt8], format: DocumentFormat, size: ImageDimensions) {
        #expect(ImageDimensions.read(bytes, format: format) == size)
    }

    /// A zero segment length, a length past the end, a scan before any frame, no IHDR, a PDF.
    static let sizeless: [([UInt8], DocumentFormat)] = [
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0] + [UInt8](repeating: 0, count: 50), .jpeg),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x4A, 0x46, 0x49, 0x46], .jpeg),
        ([0xFF, 0xD8, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0xFF, 0xC0, 0, 11, 8, 0xFF, 0xFF, 0xFF, 0xFF, 1, 1, 0x11, 0], .jpeg),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 40), .png),
        (Array("%PDF-1.7\n".utf8), .pdf),
    ]

    @Test(arguments: sizeless)
    func headerWithoutAReadableSize_declaresNone(bytes: [UInt8], format: DocumentFormat) {
        #expect(ImageDimensions.read(bytes, format: format) == nil)
    }

    @Test(arguments: [
        (ImageDimensions(width: 20_000, height: 5_000), false),
        (ImageDimensions(width: 10_000, height: 10_000), false),
        (ImageDimensions(width: 20_001, height: 10), true),
        (ImageDimensions(width: 10, height: 20_001), true),
        (ImageDimensions(width: 10_001, height: 10_000), true),
        (ImageDimensions(width: 50_000, height: 50_000), true),
    ])
    func limits_areTwentyThousandASideAndAHundredMegapixels(size: ImageDimensions, excessive: Bool) {
        #expect(size.isExcessive == excessive)
    }

    @Test func pixelBomb_isRefusedAsAPhoto_aDocument_andAnAttachment_withItsSizeInFrench() {
        let bomb = Self.png(width: 50_000, height: 50_000)
        let size = ImageDimensions(width: 50_000, height: 50_000)
        #expect(throws: ChildPhoto.Problem.tooManyPixels(size)) { try ChildPhoto.check(bomb) }
        #expect(throws: ChildPhoto.Problem.tooManyPixels(size)) { try ChildPhoto.check(Self.jpeg(width: 50_000, height: 50_000)) }
        #expect(DocumentProblem.check(bomb) == .failure(.imageTooLarge(size)))
        #expect(AttachmentRules.check(bomb, maximumBytes: 6_291_456) == .failure(.imageTooLarge(size)))
        #expect(DocumentProblem.imageTooLarge(size).frenchMessage
                == "Cette image mesure 50 000 × 50 000 pixels : enregistrez-la en plus petit (20 000 pixels de côté et 100 millions de pixels au plus) puis réessayez.")
        #expect(AttachmentRules.frenchMessage(.imageTooLarge(size), position: 1, fileName: "scan.png", maximumBytes: 6_291_456)
                .hasPrefix("1re pièce jointe (« scan.png ») : cette image mesure 50 000 × 50 000 pixels"))
    }

    @Test func picturesOfAnOrdinarySize_areAccepted() throws {
        #expect(try ChildPhoto.check(Self.png(width: 4032, height: 3024)) == .png)
        #expect(try ChildPhoto.check(Self.jpeg(width: 4032, height: 3024)) == .jpeg)
        #expect(DocumentProblem.check(Self.jpeg(width: 4960, height: 7016)) == .success(.jpeg))
    }

    /// A local header, then an end-of-central-directory record whose 3-byte comment ends the file.
    static let zip: [UInt8] = {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40)
        bytes += [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 16)
        return bytes + [3, 0] + Array("abc".utf8)
    }()

    static func pdf(_ body: String) -> [UInt8] { Array("%PDF-1.7\n\(body)\n%%EOF\n".utf8) }

    static let hidden: [(String, [UInt8])] = [
        ("JPEG whose comment is a web page", jpeg(width: 10, height: 10) + Array("<html><body><script>alert(1)</script>".utf8)),
        ("PNG with a script in a text chunk", png(width: 10, height: 10) + Array("tEXt<SCRIPT src=//x></SCRIPT>".utf8)),
        ("PNG followed by a ZIP archive", png(width: 10, height: 10) + zip),
        ("JPEG followed by a ZIP archive", jpeg(width: 10, height: 10) + zip),
        ("PDF opening a JavaScript action", pdf("1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj")),
        ("PDF naming JavaScript with #xx escapes", pdf("1 0 obj << /OpenAction << /S /J#61vaScript /J#53 (x) >> >> endobj")),
        ("PDF launching a program", pdf("1 0 obj << /A << /S /Launch /F (cmd.exe) >> >> endobj")),
        ("PDF carrying a file", pdf("1 0 obj << /Names << /EmbeddedFiles 2 0 R >> >> endobj")),
        ("PDF that is also a web page", pdf("<!DOCTYPE html><p>bonjour</p>")),
        ("PDF with a javascript: link", pdf("1 0 obj << /A << /S /URI /URI (javascript:alert(1)) >> >> endobj")),
    ]

    @Test(arguments: hidden)
    func hiddenContent_isRefused(_ what: String, bytes: [UInt8]) {
        #expect(DocumentProblem.check(bytes) == .failure(.hiddenContent), "\(what)")
        #expect(AttachmentRules.check(bytes, maximumBytes: 6_291_456) == .failure(.hiddenContent), "\(what)")
    }

    @Test func hiddenContent_inAPhoto_isRefusedWithAPhotosMessage() {
        #expect(throws: ChildPhoto.Problem.hiddenContent) { try ChildPhoto.check(Self.png(width: 10, height: 10) + Self.zip) }
        #expect(ChildPhoto.Problem.hiddenContent.frenchMessage.hasPrefix("Cette photo contient autre chose qu'une image"))
    }

    static let ordinary: [(String, [UInt8])] = [
        ("JS bytes inside a stream", pdf("1 0 obj << /Length 12 >>\nstream\n/JS /Launch \nendstream\nendobj")),
        ("a string that names /JavaScript", pdf("1 0 obj (voir \\(page\\) /JavaScript) endobj")),
        ("a comment that names /JS", pdf("% /JS\n1 0 obj << /Type /Catalog >> endobj")),
        ("a name that only starts like one", pdf("1 0 obj << /JSONData 1 /Launcher 2 >> endobj")),
        ("a less-than sign before text", pdf("1 0 obj (a <htmlish> b) endobj")),
        ("an archive signature that does not close the file", png(width: 10, height: 10) + zip + [0]),
    ]

    @Test(arguments: ordinary)
    func ordinaryContent_isAccepted(_ what: String, bytes: [UInt8]) {
        let format = DocumentFormat.detect(bytes)!
        #expect(DocumentProblem.check(bytes) == .success(format), "\(what)")
    }
}
