/// Collects every problem of one file, so that an operator fixes them all in one pass.
final class ConfigIssues {
    let file: String
    private(set) var errors: [TenantConfigError] = []

    init(file: String) { self.file = file }

    func report(_ path: String, _ message: String) {
        errors.append(TenantConfigError(file: file, path: path, message: message))
    }
}

/// A JSON value and where it sits in the file. Every accessor reports its own type error and
/// returns nil, so decoding code reads as a list of fields and keeps going after a mistake.
struct ConfigNode {
    let path: String
    let value: JSONValue
    let issues: ConfigIssues

    func report(_ message: String) { issues.report(path, message) }

    func child(_ key: String, _ value: JSONValue) -> ConfigNode {
        ConfigNode(path: path.isEmpty ? key : "\(path).\(key)", value: value, issues: issues)
    }

    /// Reads an object; any key `body` did not ask for is reported as unknown (typo protection).
    func object<T>(_ body: (ConfigObject) -> T?) -> T? {
        guard case .object(let members) = value else { report("must be an object"); return nil }
        let object = ConfigObject(node: self, members: members)
        let result = body(object)
        object.reportUnreadKeys()
        return result
    }

    func array() -> [ConfigNode]? {
        guard case .array(let elements) = value else { report("must be an array"); return nil }
        return elements.enumerated().map { ConfigNode(path: "\(path)[\($0.offset)]", value: $0.element, issues: issues) }
    }

    /// Decodes every element; nil when any element failed (each failure already reported).
    func array<T>(_ element: (ConfigNode) -> T?) -> [T]? {
        guard let nodes = array() else { return nil }
        let decoded = nodes.map(element)
        return decoded.contains { $0 == nil } ? nil : decoded.map { $0! }
    }

    func string() -> String? {
        guard case .string(let text) = value else { report("must be a string"); return nil }
        return text
    }

    func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard !text.trimmingWhitespace.isEmpty else { report("must not be empty"); return nil }
        return text
    }

    func bool() -> Bool? {
        guard case .bool(let flag) = value else { report("must be a boolean"); return nil }
        return flag
    }

    func positiveInt() -> Int? {
        guard case .number(let text) = value, let number = Int(text), number > 0 else {
            report("must be a positive integer"); return nil
        }
        return number
    }

    func nonNegativeInt() -> Int? {
        guard case .number(let text) = value, let number = Int(text), number >= 0 else {
            report("must be a non-negative integer"); return nil
        }
        return number
    }

    /// An amount of money in cents.
    func cents() -> Int? {
        guard case .number(let text) = value, let number = Int(text) else {
            report("must be an integer number of cents"); return nil
        }
        guard number >= 0 else { report("must not be negative"); return nil }
        return number
    }

    func date() -> LocalDate? {
        guard case .string(let text) = value, let date = LocalDate(iso: text) else {
            report("must be a date YYYY-MM-DD"); return nil
        }
        return date
    }

    func time() -> LocalTime? {
        guard case .string(let text) = value, text.utf8.count == 5, let time = LocalTime(hhmm: text) else {
            report("must be a time HH:MM"); return nil
        }
        return time
    }

    func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> T? where T.RawValue == String {
        let expected = T.allCases.map(\.rawValue).joined(separator: ", ")
        guard case .string(let text) = value, let result = T(rawValue: text) else {
            report("must be one of \(expected)"); return nil
        }
        return result
    }

    /// `^[a-z][a-z0-9<extra>]{0,max}$`, the shape of ids, codes and schema names.
    func identifier(extra: Character, maxTail: Int) -> String? {
        guard let text = string() else { return nil }
        guard ConfigNode.isIdentifier(text, extra: extra, maxTail: maxTail) else {
            report("must match ^[a-z][a-z0-9\(extra)]{0,\(maxTail)}$"); return nil
        }
        return text
    }

    /// Codes of activities, units, prices: `^[a-z][a-zA-Z0-9-]{0,40}$` (« apresMidi », « alsh-mercredi »).
    func code() -> String? {
        guard let text = string() else { return nil }
        guard ConfigNode.isCodeText(text) else { report("must match ^[a-z][a-zA-Z0-9-]{0,40}$"); return nil }
        return text
    }

    static func isCodeText(_ text: String) -> Bool {
        text.first.map { ("a"..."z").contains($0) } == true && text.count <= 41
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    static func isIdentifier(_ text: String, extra: Character, maxTail: Int) -> Bool {
        guard let first = text.first, ("a"..."z").contains(first), text.count <= maxTail + 1 else { return false }
        return text.dropFirst().allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == extra }
    }
}

/// The members of one JSON object; remembers which keys were read.
final class ConfigObject {
    let node: ConfigNode
    private let members: [(key: String, value: JSONValue)]
    private var readKeys: Set<String> = []

    init(node: ConfigNode, members: [(key: String, value: JSONValue)]) {
        self.node = node
        self.members = members
        var seen: Set<String> = []
        for member in members where !seen.insert(member.key).inserted {
            node.child(member.key, member.value).report("duplicate key")
        }
    }

    var path: String { node.path }

    func has(_ key: String) -> Bool {
        members.contains { $0.key == key && $0.value != .null }
    }

    /// The value of `key`, or nil (reported) when it is missing.
    func required(_ key: String) -> ConfigNode? {
        readKeys.insert(key)
        guard let member = members.first(where: { $0.key == key }) else {
            node.child(key, .null).report("is required")
            return nil
        }
        return node.child(key, member.value)
    }

    /// The value of `key`, or nil when it is missing or `null`.
    func optional(_ key: String) -> ConfigNode? {
        readKeys.insert(key)
        guard let member = members.first(where: { $0.key == key }), member.value != .null else { return nil }
        return node.child(key, member.value)
    }

    func reportUnreadKeys() {
        for member in members where !readKeys.contains(member.key) {
            let suggestion = readKeys.min { editDistance(member.key, $0) < editDistance(member.key, $1) }
            if let suggestion, editDistance(member.key, suggestion) <= 2 {
                node.child(member.key, member.value).report("unknown field (did you mean \"\(suggestion)\"?)")
            } else {
                node.child(member.key, member.value).report("unknown field")
            }
        }
    }
}

/// Levenshtein distance, to suggest the field an operator probably meant.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
