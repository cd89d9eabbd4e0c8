import HTTPServer
import PortalCore

/// A value a path segment carries (`/reservations/:id`): parsed from the segment when the route
/// matches, printed into the segment when a link is written.
protocol PathSegmentValue: Sendable {
    init?(pathSegment: Substring)
    var pathSegment: String { get }
}

extension Int64: PathSegmentValue {
    init?(pathSegment: Substring) {
        // Only what `pathSegment` prints: "+5" or "007" name no record, so they match no route.
        guard let value = Int64(pathSegment), value > 0, String(value) == pathSegment else { return nil }
        self = value
    }
    var pathSegment: String { String(self) }
}

extension String: PathSegmentValue {
    init?(pathSegment: Substring) {
        guard !pathSegment.isEmpty else { return nil }
        self = String(pathSegment)
    }
    var pathSegment: String { self }
}

/// A path with one parameter, declared once: `RouteTable.add` registers its pattern and hands
/// the handler the parsed value, and links are printed from the same value, so a link cannot
/// drift from its route. A segment that does not parse answers 404 before the handler runs.
struct RoutePath<Value: PathSegmentValue>: Sendable {
    let prefix: String
    let name: String
    let suffix: String

    /// `RoutePath<Int64>("/reservations/", "id", "/absence")` is `/reservations/:id/absence`.
    init(_ prefix: String, _ name: String, _ suffix: String = "") {
        precondition(prefix.hasSuffix("/") && (suffix.isEmpty || suffix.hasPrefix("/")), "a parameter is a whole segment")
        self.prefix = prefix
        self.name = name
        self.suffix = suffix
    }

    var pattern: String { "\(prefix):\(name)\(suffix)" }

    func callAsFunction(_ value: Value) -> String { prefix + value.pathSegment + suffix }

    func value(in parameters: [String: String]) -> Value? {
        parameters[name].flatMap { Value(pathSegment: Substring($0)) }
    }
}

/// A path with two parameters (`/dossier/:entite/:id`).
struct RoutePath2<First: PathSegmentValue, Second: PathSegmentValue>: Sendable {
    let first: RoutePath<First>
    let secondName: String
    let suffix: String

    /// `RoutePath2<String, Int64>("/dossier/", "entite", "/", "id")` is `/dossier/:entite/:id`.
    init(_ prefix: String, _ firstName: String, _ middle: String, _ secondName: String, _ suffix: String = "") {
        precondition(middle.hasPrefix("/") && middle.hasSuffix("/") && (suffix.isEmpty || suffix.hasPrefix("/")),
                     "a parameter is a whole segment")
        first = RoutePath(prefix, firstName, middle)
        self.secondName = secondName
        self.suffix = suffix
    }

    var pattern: String { "\(first.pattern):\(secondName)\(suffix)" }

    func callAsFunction(_ a: First, _ b: Second) -> String { first(a) + b.pathSegment + suffix }

    func values(in parameters: [String: String]) -> (First, Second)? {
        guard let a = first.value(in: parameters), let b = parameters[secondName].flatMap({ Second(pathSegment: Substring($0)) })
        else { return nil }
        return (a, b)
    }
}

extension RouteTable {
    mutating func add<Value>(_ method: String, _ path: RoutePath<Value>, _ access: Access, tab: PortalTab? = nil,
                             reusable: Bool = false,
                             _ handle: @escaping @Sendable (RequestContext, Value) throws -> HTTPResponse) {
        add(method, path.pattern, access, tab: tab, reusable: reusable) { context in
            guard let value = path.value(in: context.parameters) else { throw RouteError.notFound }
            return try handle(context, value)
        }
    }

    mutating func add<First, Second>(_ method: String, _ path: RoutePath2<First, Second>, _ access: Access, tab: PortalTab? = nil,
                                     reusable: Bool = false,
                                     _ handle: @escaping @Sendable (RequestContext, First, Second) throws -> HTTPResponse) {
        add(method, path.pattern, access, tab: tab, reusable: reusable) { context in
            guard let (a, b) = path.values(in: context.parameters) else { throw RouteError.notFound }
            return try handle(context, a, b)
        }
    }
}
