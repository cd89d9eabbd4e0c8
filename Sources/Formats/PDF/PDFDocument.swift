/// A PDF 1.4 file written by hand: A4 pages of text and lines in the standard Helvetica fonts
/// (WinAnsiEncoding), uncompressed content streams, and a cross-reference table whose offsets
/// are counted on the bytes actually written.
public struct PDFDocument: Sendable {
    public static let pageWidth = 595.0
    public static let pageHeight = 842.0

    public var title: String
    private var pages: [[UInt8]] = [[]]

    public init(title: String) { self.title = title }

    public var pageCount: Int { pages.count }

    public mutating func newPage() { pages.append([]) }

    /// Text with its baseline at (x, y), y counted from the bottom of the page.
    public mutating func text(_ text: String, x: Double, y: Double, size: Double = 10, font: PDFFont = .helvetica) {
        var bytes = Array("BT /\(font.resourceName) \(PDFDocument.number(size)) Tf \(PDFDocument.number(x)) \(PDFDocument.number(y)) Td (".utf8)
        for byte in WinAnsi.encode(text) {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                bytes += [UInt8(ascii: "\\"), byte]
            case 0x80...0xFF:
                // Octal escapes keep the file's bytes ASCII, which no transfer can mangle.
                bytes += Array("\\\(String(byte, radix: 8))".utf8)
            default:
                bytes.append(byte)
            }
        }
        bytes += Array(") Tj ET\n".utf8)
        pages[pages.count - 1] += bytes
    }

    /// Text whose right edge is at `right`.
    public mutating func text(_ text: String, right: Double, y: Double, size: Double = 10, font: PDFFont = .helvetica) {
        self.text(text, x: right - font.width(text, size: size), y: y, size: size, font: font)
    }

    public mutating func line(from start: (Double, Double), to end: (Double, Double), width: Double = 0.5) {
        append("\(PDFDocument.number(width)) w \(PDFDocument.number(start.0)) \(PDFDocument.number(start.1)) m \(PDFDocument.number(end.0)) \(PDFDocument.number(end.1)) l S\n")
    }

    /// A grey filled rectangle (table headers), then back to black.
    public mutating func shade(x: Double, y: Double, width: Double, height: Double, grey: Double = 0.9) {
        append("\(PDFDocument.number(grey)) g \(PDFDocument.number(x)) \(PDFDocument.number(y)) \(PDFDocument.number(width)) \(PDFDocument.number(height)) re f 0 g\n")
    }

    private mutating func append(_ operators: String) { pages[pages.count - 1] += Array(operators.utf8) }

    /// The file: catalog, page tree, two fonts, then a page and its content stream per page.
    public func render() -> [UInt8] {
        var objects: [[UInt8]] = []
        let pageTree = 2
        let firstPage = 5
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append(Array("<< /Type /Catalog /Pages \(pageTree) 0 R >>".utf8))
        objects.append(Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        for font in [PDFFont.helvetica, .helveticaBold] {
            objects.append(Array("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>".utf8))
        }
        for (index, content) in pages.enumerated() {
            let contentObject = firstPage + 2 * index + 1
            objects.append(Array("""
                << /Type /Page /Parent \(pageTree) 0 R /MediaBox [0 0 \(Int(PDFDocument.pageWidth)) \(Int(PDFDocument.pageHeight))] \
                /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(contentObject) 0 R >>
                """.utf8))
            objects.append(Array("<< /Length \(content.count) >>\nstream\n".utf8) + content + Array("endstream".utf8))
        }
        let infoObject = objects.count + 1
        objects.append(Array("<< /Title (".utf8) + escapedLiteral(title) + Array(") /Producer (Portail Famille) >>".utf8))

        // The comment of four high bytes tells transfer tools the file is binary.
        var out = Array("%PDF-1.4\n".utf8) + [0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            // Each entry is exactly 20 bytes (PDF 1.4 §3.4.3): 10 digits, space, 5 digits, space, n, space, newline.
            out += Array("\(String(repeating: "0", count: 10 - digits.count))\(digits) 00000 n \n".utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info \(infoObject) 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    private func escapedLiteral(_ text: String) -> [UInt8] {
        WinAnsi.encode(text).flatMap { byte -> [UInt8] in
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): return [UInt8(ascii: "\\"), byte]
            case 0x80...0xFF: return Array("\\\(String(byte, radix: 8))".utf8)
            default: return [byte]
            }
        }
    }

    /// Two decimals at most, never an exponent: PDF numbers are plain decimals.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return fraction == 0 ? "\(sign)\(magnitude / 100)" : "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
