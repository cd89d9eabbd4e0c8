/// The two standard Type 1 fonts the writer uses; every PDF reader has them, so nothing is embedded.
public enum PDFFont: Sendable {
    case helvetica, helveticaBold

    var resourceName: String { self == .helvetica ? "F1" : "F2" }
    var baseFont: String { self == .helvetica ? "Helvetica" : "Helvetica-Bold" }

    /// Width of `text` at `size` points, from the fonts' metrics (AFM widths in 1/1000 em).
    public func width(_ text: String, size: Double) -> Double {
        Double(WinAnsi.encode(text).reduce(0) { $0 + advance($1) }) * size / 1000
    }

    func advance(_ byte: UInt8) -> Int {
        let table = self == .helvetica ? PDFFont.regularWidths : PDFFont.boldWidths
        switch byte {
        case 0x20...0x7E: return table[Int(byte) - 0x20]
        case 0xC0...0xC5: return advance(UInt8(ascii: "A"))
        case 0xC7: return advance(UInt8(ascii: "C"))
        case 0xC8...0xCB: return advance(UInt8(ascii: "E"))
        case 0xCC...0xCF: return advance(UInt8(ascii: "I"))
        case 0xD2...0xD6: return advance(UInt8(ascii: "O"))
        case 0xD9...0xDC: return advance(UInt8(ascii: "U"))
        case 0xE0...0xE5: return advance(UInt8(ascii: "a"))
        case 0xE7: return advance(UInt8(ascii: "c"))
        case 0xE8...0xEB: return advance(UInt8(ascii: "e"))
        case 0xEC...0xEF: return advance(UInt8(ascii: "i"))
        case 0xF2...0xF6: return advance(UInt8(ascii: "o"))
        case 0xF9...0xFC: return advance(UInt8(ascii: "u"))
        case 0xA0: return 278
        case 0x96: return 556
        case 0x97, 0x85, 0x8C, 0x9C: return 1000
        case 0x91, 0x92: return 222
        default: return 556
        }
    }

    // Helvetica and Helvetica-Bold, characters 0x20 to 0x7E (Adobe's AFM files).
    private static let regularWidths = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]
    private static let boldWidths = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]
}
