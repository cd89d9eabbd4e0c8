/// A statement whose values travel as bound parameters. Interpolating a value
/// (`"... WHERE id = \(id)"`) appends `$n` to the text and the value to the parameters, so user
/// input never becomes SQL. Raw text must be asked for by name: `\(unsafeSQL: ...)`,
/// `SQL(unsafeSQL:)`; identifiers go through `\(identifier:)`, which quotes them.
public struct SQL: Sendable, ExpressibleByStringInterpolation {
    enum Fragment: Sendable {
        case text(String)
        case parameter(String?)
    }

    private(set) var fragments: [Fragment]
    /// True while the text comes only from literals written in the code (values travel apart):
    /// such a statement is worth preparing, and there are only so many of them. Raw text and
    /// identifiers make it false.
    public private(set) var hasFixedText: Bool

    public init(unsafeSQL text: String) {
        fragments = [.text(text)]
        hasFixedText = false
    }

    public init(stringLiteral value: String) {
        fragments = [.text(value)]
        hasFixedText = true
    }

    public init(stringInterpolation: StringInterpolation) {
        fragments = stringInterpolation.fragments
        hasFixedText = stringInterpolation.hasFixedText
    }

    /// The statement text with `$1`, `$2`... in place of the values.
    public var text: String {
        var result = ""
        var index = 0
        for fragment in fragments {
            switch fragment {
            case .text(let text):
                result += text
            case .parameter:
                index += 1
                result += "$\(index)"
            }
        }
        return result
    }

    /// The bound values in text format, nil for NULL, in `$n` order.
    public var parameters: [String?] {
        fragments.compactMap {
            if case .parameter(let value) = $0 { return value }
            return nil
        }
    }

    /// Appends another statement fragment; its parameters are renumbered after ours.
    public mutating func append(_ other: SQL) {
        fragments += other.fragments
        hasFixedText = hasFixedText && other.hasFixedText
    }

    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var result = lhs
        result.append(rhs)
        return result
    }

    /// Quotes an identifier the way `PQescapeIdentifier` does: wrapped in double quotes, inner
    /// double quotes doubled, so any name is taken literally (case included).
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var fragments: [Fragment] = []
        var hasFixedText = true

        public init(literalCapacity: Int, interpolationCount: Int) {
            fragments.reserveCapacity(interpolationCount * 2 + 1)
        }

        public mutating func appendLiteral(_ literal: String) {
            fragments.append(.text(literal))
        }

        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            fragments.append(.parameter(value.postgresText))
        }

        /// Optionals bind NULL when nil. (Spelled out so the compiler does not warn that an
        /// optional is being interpolated, as it would for a `String`.)
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            fragments.append(.parameter(value?.postgresText))
        }

        public mutating func appendInterpolation(_ sql: SQL) {
            fragments += sql.fragments
            hasFixedText = hasFixedText && sql.hasFixedText
        }

        public mutating func appendInterpolation(identifier name: String) {
            fragments.append(.text(SQL.quoteIdentifier(name)))
            hasFixedText = false
        }

        public mutating func appendInterpolation(unsafeSQL text: String) {
            fragments.append(.text(text))
            hasFixedText = false
        }
    }
}
