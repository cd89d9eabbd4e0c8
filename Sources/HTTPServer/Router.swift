/// Method + path pattern routing. Patterns are `/`-separated literals, `:name` parameters
/// (one segment) and a final `*name` wildcard (the rest of the path, possibly empty).
public struct Router<Handler> {
    public enum Match {
        case found(Handler, parameters: [String: String])
        /// The path exists for other methods; `allowed` is the 405 `Allow` list (RFC 9110 §15.5.6).
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    fileprivate enum Segment: Sendable {
        case literal(Substring)
        case parameter(String)
        case wildcard(String)
    }

    fileprivate struct Route {
        let method: String
        let pattern: String
        let segments: [Segment]
        let handler: Handler
    }

    private var table: [Route] = []
    /// Routes a path may match, by its first segment: those whose pattern starts with that
    /// literal and those that start with a parameter or wildcard (`others`), in registration order.
    private var byFirstSegment: [Substring: [Int]] = [:]
    private var others: [Int] = []

    public init() {}

    /// Every registered (method, pattern), in registration order.
    public var routes: [(method: String, pattern: String)] {
        table.map { (method: $0.method, pattern: $0.pattern) }
    }

    public mutating func add(_ method: String, _ pattern: String, _ handler: Handler) {
        let pieces = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var segments: [Segment] = []
        for (index, piece) in pieces.enumerated() {
            if piece.hasPrefix(":") {
                segments.append(.parameter(String(piece.dropFirst())))
            } else if piece.hasPrefix("*") {
                precondition(index == pieces.count - 1, "a wildcard must end the pattern: \(pattern)")
                segments.append(.wildcard(String(piece.dropFirst())))
            } else {
                segments.append(.literal(piece))
            }
        }
        let index = table.count
        table.append(Route(method: method, pattern: pattern, segments: segments, handler: handler))
        if case .literal(let first)? = segments.first {
            byFirstSegment[first, default: others].append(index)
        } else {
            others.append(index)
            for key in byFirstSegment.keys { byFirstSegment[key]!.append(index) }
        }
    }

    /// HEAD falls back to the GET route (RFC 9110 §9.3.2). When several patterns match, the one
    /// with a literal earliest wins, so `/familles/nouvelle` beats `/familles/:id`.
    public func match(method: String, path: String) -> Match {
        let pieces = Array(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst())
        var best: (route: Route, parameters: [String: String], score: [Int])?
        var allowed: Set<String> = []
        for index in pieces.first.flatMap({ byFirstSegment[$0] }) ?? others {
            let route = table[index]
            guard let (parameters, score) = Router.bind(route.segments, to: pieces) else { continue }
            allowed.insert(route.method)
            guard route.method == method || (method == "HEAD" && route.method == "GET") else { continue }
            if let current = best {
                // An exact HEAD route beats the GET fallback; otherwise the more specific wins.
                let better = route.method == method && current.route.method != method
                    || (route.method == current.route.method && score.lexicographicallyPrecedes(current.score))
                if !better { continue }
            }
            best = (route, parameters, score)
        }
        if let best { return .found(best.route.handler, parameters: best.parameters) }
        guard !allowed.isEmpty else { return .notFound }
        if allowed.contains("GET") { allowed.insert("HEAD") }
        return .methodNotAllowed(allowed: allowed.sorted())
    }

    /// Parameters bound by `segments` against `pieces`, and a score per segment
    /// (0 literal, 1 parameter, 2 wildcard) where lower is more specific.
    private static func bind(_ segments: [Segment], to pieces: [Substring]) -> ([String: String], [Int])? {
        // Most patterns fail on length or on a literal: rejected before anything is allocated.
        if case .wildcard? = segments.last {
            guard pieces.count >= segments.count - 1 else { return nil }
        } else {
            guard pieces.count == segments.count else { return nil }
        }
        for (index, segment) in segments.enumerated() {
            if case .literal(let literal) = segment, pieces[index] != literal { return nil }
        }
        var parameters: [String: String] = [:]
        var score: [Int] = []
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .wildcard(let name):
                guard pieces.count >= index else { return nil }
                parameters[name] = pieces[index...].joined(separator: "/")
                score.append(2)
                return (parameters, score)
            case .literal(let literal):
                guard index < pieces.count, pieces[index] == literal else { return nil }
                score.append(0)
            case .parameter(let name):
                guard index < pieces.count, !pieces[index].isEmpty else { return nil }
                parameters[name] = String(pieces[index])
                score.append(1)
            }
        }
        return pieces.count == segments.count ? (parameters, score) : nil
    }
}

extension Router: Sendable where Handler: Sendable {}
extension Router.Match: Sendable where Handler: Sendable {}
extension Router.Route: Sendable where Handler: Sendable {}
