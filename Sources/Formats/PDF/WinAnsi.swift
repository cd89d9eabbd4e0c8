/// Text for the standard PDF fonts in WinAnsiEncoding (PDF 1.4, Annex D): ASCII and Latin-1
/// keep their code, « € » is 0x80 and the typographic marks French uses get their Windows-1252
/// codes; anything else becomes « ? » rather than a wrong letter.
enum WinAnsi {
    static func encode(_ text: String) -> [UInt8] {
        text.unicodeScalars.map(byte)
    }

    static func byte(_ scalar: Unicode.Scalar) -> UInt8 {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xFF: return UInt8(scalar.value)
        case 0x20AC: return 0x80 // €
        case 0x2026: return 0x85 // …
        case 0x0152: return 0x8C // Œ
        case 0x2018: return 0x91
        case 0x2019: return 0x92 // ’
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2013: return 0x96 // –
        case 0x2014: return 0x97 // —
        case 0x0153: return 0x9C // œ
        case 0x0178: return 0x9F // Ÿ
        case 0x202F, 0x2009: return 0xA0 // narrow and thin spaces print as a no-break space
        case 0x09: return 0x20
        default: return UInt8(ascii: "?")
        }
    }
}
