/// The size a JPEG or PNG declares in its header. A few hundred bytes can declare 50 000 × 50 000
/// pixels, which a browser or a viewer would try to decode into gigabytes of memory: uploads
/// above the limits are refused. Nothing is decoded here; only the header is read.
public struct ImageDimensions: Sendable, Hashable {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Well above a phone's photo (12 to 50 megapixels) or an A4 page scanned at 600 dpi (35).
    public static let maximumPixels = 100_000_000
    public static let maximumSide = 20_000

    public var isExcessive: Bool {
        width > Self.maximumSide || height > Self.maximumSide || width * height > Self.maximumPixels
    }

    /// « 50 000 × 40 000 »
    public var french: String { "\(Self.grouped(width)) × \(Self.grouped(height))" }

    static func grouped(_ value: Int) -> String {
        var digits = String(value)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: " ")
    }

    /// The declared size, or nil for a PDF or a header that cannot be read (no decoder could
    /// read it either, so there is nothing to decode).
    public static func read(_ bytes: [UInt8], format: DocumentFormat) -> ImageDimensions? {
        switch format {
        case .png: png(bytes)
        case .jpeg: jpeg(bytes)
        case .pdf: nil
        }
    }

    /// PNG (RFC 2083 §4.1.1): IHDR is the first chunk, width then height in 4 big-endian bytes.
    static func png(_ bytes: [UInt8]) -> ImageDimensions? {
        guard bytes.count >= 24, bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        return ImageDimensions(width: bigEndian(bytes, at: 16, count: 4), height: bigEndian(bytes, at: 20, count: 4))
    }

    /// JPEG (ITU T.81 §B.2): markers walked from SOI, as libjpeg does, until a start-of-frame
    /// (its lines, then its samples per line); a scan, the end or a broken length stops the walk.
    static func jpeg(_ bytes: [UInt8]) -> ImageDimensions? {
        var index = 2
        while index < bytes.count {
            // libjpeg skips stray bytes before a marker and any 0xFF fill.
            while index < bytes.count, bytes[index] != 0xFF { index += 1 }
            while index < bytes.count, bytes[index] == 0xFF { index += 1 }
            guard index < bytes.count else { return nil }
            let marker = bytes[index]
            index += 1
            switch marker {
            case 0x01, 0xD0...0xD7: continue                      // TEM, RSTn: no length
            case 0xD8, 0xD9, 0xDA: return nil                      // SOI again, EOI, or a scan before any frame
            default: break
            }
            guard index + 2 <= bytes.count else { return nil }
            let length = bigEndian(bytes, at: index, count: 2)
            guard length >= 2, index + length <= bytes.count else { return nil }
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                guard length >= 7 else { return nil }
                return ImageDimensions(width: bigEndian(bytes, at: index + 5, count: 2), height: bigEndian(bytes, at: index + 3, count: 2))
            }
            index += length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int, count: Int) -> Int {
        bytes[offset..<(offset + count)].reduce(0) { $0 << 8 | Int($1) }
    }
}
