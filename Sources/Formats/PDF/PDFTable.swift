/// A table drawn row by row down the page; when the next row would cross the bottom margin it
/// continues on a new page, under a repeated header.
public struct PDFTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public let title: String
        public let width: Double
        public let alignment: Alignment

        public init(_ title: String, width: Double, alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public let columns: [Column]
    public var left = 40.0
    public var rowHeight = 16.0
    public var fontSize = 9.0
    public var bottomMargin = 60.0
    /// Where the table starts on a continuation page.
    public var topOnNewPage = PDFDocument.pageHeight - 60

    public init(columns: [Column]) { self.columns = columns }

    var width: Double { columns.reduce(0) { $0 + $1.width } }

    /// Draws the header and `rows` from `top`; returns the y below the last row.
    public func draw(_ rows: [[String]], in document: inout PDFDocument, top: Double) -> Double {
        var y = drawHeader(in: &document, top: top)
        for row in rows {
            if y - rowHeight < bottomMargin {
                document.newPage()
                y = drawHeader(in: &document, top: topOnNewPage)
            }
            drawRow(row, font: .helvetica, in: &document, baseline: y - rowHeight + 5)
            y -= rowHeight
            document.line(from: (left, y), to: (left + width, y), width: 0.3)
        }
        return y
    }

    private func drawHeader(in document: inout PDFDocument, top: Double) -> Double {
        document.shade(x: left, y: top - rowHeight, width: width, height: rowHeight)
        drawRow(columns.map(\.title), font: .helveticaBold, in: &document, baseline: top - rowHeight + 5)
        return top - rowHeight
    }

    private func drawRow(_ cells: [String], font: PDFFont, in document: inout PDFDocument, baseline: Double) {
        var x = left
        for (column, cell) in zip(columns, cells) {
            let text = PDFTable.fitted(cell, width: column.width - 6, size: fontSize, font: font)
            switch column.alignment {
            case .left: document.text(text, x: x + 3, y: baseline, size: fontSize, font: font)
            case .right: document.text(text, right: x + column.width - 3, y: baseline, size: fontSize, font: font)
            }
            x += column.width
        }
    }

    /// The text cut with « … » so that it stays inside its cell.
    static func fitted(_ text: String, width: Double, size: Double, font: PDFFont) -> String {
        guard font.width(text, size: size) > width else { return text }
        var cut = text
        while !cut.isEmpty, font.width(cut + "…", size: size) > width { cut.removeLast() }
        return cut + "…"
    }
}
