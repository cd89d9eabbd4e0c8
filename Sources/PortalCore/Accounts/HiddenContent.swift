/// What a PDF, JPEG or PNG has no business carrying: a web page or script (a polyglot that a
/// browser sniffing the bytes would run), an archive glued to its end (read from the end, as
/// Java and unzip do, the file is a ZIP), or, in a PDF, actions a reader would run on opening.
/// Files are served with their detected type, nosniff and as attachments anyway; refusing them
/// keeps such files out of the staff's hands in the first place.
public enum HiddenContent {
    public static func isPresent(in bytes: [UInt8], format: DocumentFormat) -> Bool {
        containsMarkup(bytes) || endsWithZipArchive(bytes) || (format == .pdf && hasActiveNames(bytes))
    }

    /// Openings long enough (or followed by a delimiter) that compressed data does not produce
    /// them by chance: about once in a million full-size files for the shortest.
    static let markup: [(opening: [UInt8], needsDelimiter: Bool)] = [
        ("<script", false), ("<iframe", false), ("<!doctype", false), ("javascript:", false),
        ("<html", true), ("<body", true), ("<?php", true),
    ].map { (Array($0.0.utf8), $0.1) }

    static func containsMarkup(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices where bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: "j") || bytes[index] == UInt8(ascii: "J") {
            for (opening, needsDelimiter) in markup where matchesIgnoringCase(bytes, at: index, opening) {
                let next = index + opening.count
                if !needsDelimiter || (next < bytes.count && [0x09, 0x0A, 0x0C, 0x0D, 0x20, UInt8(ascii: ">")].contains(bytes[next])) {
                    return true
                }
            }
        }
        return false
    }

    private static func matchesIgnoringCase(_ bytes: [UInt8], at index: Int, _ opening: [UInt8]) -> Bool {
        guard index + opening.count <= bytes.count else { return false }
        for offset in opening.indices {
            let byte = bytes[index + offset]
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if lower != opening[offset] { return false }
        }
        return true
    }

    /// A ZIP's end-of-central-directory record (PKWARE APPNOTE §4.3.16) closes the file: its
    /// comment length, 20 bytes in, reaches exactly the last byte. The record and its comment
    /// fit in the last 65 557 bytes.
    static func endsWithZipArchive(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 22 else { return false }
        let earliest = max(0, bytes.count - 22 - 0xFFFF)
        for start in stride(from: bytes.count - 22, through: earliest, by: -1)
        where bytes[start] == 0x50 && bytes[start + 1] == 0x4B && bytes[start + 2] == 0x05 && bytes[start + 3] == 0x06 {
            let comment = Int(bytes[start + 20]) | Int(bytes[start + 21]) << 8
            if start + 22 + comment == bytes.count { return true }
        }
        return false
    }

    /// PDF names that run something (ISO 32000-1 §12.6.4: JavaScript and Launch actions, §7.11.4
    /// embedded files, rich media), written plainly or with `#xx` escapes. Stream contents and
    /// strings are skipped: compressed bytes would match by chance and text may name anything.
    /// Names inside compressed object streams are not seen; the attachment download covers them.
    static let activeNames: Set<String> = ["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia"]

    static func hasActiveNames(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "%"):
                while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
            case UInt8(ascii: "("):
                index = endOfString(bytes, from: index)
            case UInt8(ascii: "/"):
                let (name, end) = self.name(bytes, from: index + 1)
                if activeNames.contains(name) { return true }
                index = end
            case UInt8(ascii: "s") where startsStream(bytes, at: index):
                index = endOfStream(bytes, from: index)
            default:
                index += 1
            }
        }
        return false
    }

    private static let whitespace: Set<UInt8> = [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20]
    private static let delimiters: Set<UInt8> = Set("()<>[]{}/%".utf8)

    /// A name's characters up to the next whitespace or delimiter, `#xx` decoded.
    private static func name(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var index = start
        var decoded: [UInt8] = []
        while index < bytes.count, !whitespace.contains(bytes[index]), !delimiters.contains(bytes[index]) {
            if bytes[index] == UInt8(ascii: "#"), index + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                decoded.append(value)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return (String(decoding: decoded, as: UTF8.self), index)
    }

    /// Past a literal string: balanced parentheses, backslash escaping the next byte.
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return index
    }

    private static let streamKeyword = Array("stream".utf8)
    private static let endstreamKeyword = Array("endstream".utf8)

    /// The keyword `stream` after a dictionary or whitespace, followed by its end of line.
    private static func startsStream(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index > 0, whitespace.contains(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: ">"),
              index + streamKeyword.count < bytes.count,
              bytes[index..<(index + streamKeyword.count)].elementsEqual(streamKeyword) else { return false }
        let next = bytes[index + streamKeyword.count]
        return next == 0x0A || next == 0x0D
    }

    private static func endOfStream(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + streamKeyword.count
        while index + endstreamKeyword.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "e"), bytes[index..<(index + endstreamKeyword.count)].elementsEqual(endstreamKeyword) {
                return index + endstreamKeyword.count
            }
            index += 1
        }
        return bytes.count
    }
}
