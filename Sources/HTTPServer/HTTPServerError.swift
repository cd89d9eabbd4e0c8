import Glibc

public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed; `errno` is its error number.
    case systemCall(String, errno: Int32)
    case invalidAddress(String)
    case alreadyRunning

    public var description: String {
        switch self {
        case .systemCall(let name, let code): "\(name) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .invalidAddress(let host): "invalid listening address: \(host)"
        case .alreadyRunning: "the server is already running"
        }
    }

    static func lastError(_ call: String) -> HTTPServerError {
        .systemCall(call, errno: errno)
    }
}
