import Foundation
import Glibc

/// A PostgreSQL cluster of its own, for tests that must stop or restart the server without
/// disturbing the shared test database. Driven through deploy/local-cluster.sh.
final class ThrowawayCluster {
    let directory: String
    let port: Int
    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/local-cluster.sh").path

    var url: String { "postgresql://portal@127.0.0.1:\(port)/portal" }

    init() throws {
        directory = NSTemporaryDirectory() + "pg-throwaway-" + UUID().uuidString.lowercased()
        port = try Self.freePort()
        try run("start", directory, String(port))
        try run("createdb", directory, String(port), "portal")
    }

    func restart() throws {
        try run("restart", directory, String(port))
    }

    func destroy() {
        try? run("stop", directory)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs the script with posix_spawn and waitpid: Foundation's Process.waitUntilExit can miss
    /// the child's exit when called from a test's worker thread.
    private func run(_ arguments: String...) throws {
        let argv = ([Self.script] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, Self.script, nil, nil, argv + [nil], environ)
        guard spawned == 0 else { throw TestSetupError(description: "cannot run local-cluster.sh: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw TestSetupError(description: "local-cluster.sh \(arguments.joined(separator: " ")) failed with status \(status)")
        }
    }

    /// A port the kernel just handed out for loopback, hence free at this moment.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSetupError(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw TestSetupError(description: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
