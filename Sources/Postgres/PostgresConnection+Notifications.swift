import CLibPQ
import Glibc

/// A message sent with `NOTIFY` (or `pg_notify`) on a channel this connection listens to.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String
}

extension PostgresConnection {
    /// Subscribes this connection to `channel`; notifications arrive once their transaction commits.
    public func listen(_ channel: String) throws {
        try execute("LISTEN \(identifier: channel)")
    }

    /// The notifications received so far, waiting up to `timeout` for the first one when none
    /// has arrived. Throws when the connection broke, so the caller can open a new one.
    public func notifications(waitingUpTo timeout: Duration) throws -> [PostgresNotification] {
        let handle = try openHandle()
        let received = Self.drainNotifications(handle)
        guard received.isEmpty else { return received }
        let socket = PQsocket(handle)
        guard socket >= 0 else { throw PostgresError.connectionFailed("connection is closed") }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready >= 0 || errno == EINTR else { throw PostgresError.connectionFailed("poll failed") }
        guard ready > 0 else { return [] }
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
            throw Self.connectionFailure(handle)
        }
        return Self.drainNotifications(handle)
    }

    private static func drainNotifications(_ handle: OpaquePointer) -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        while let notice = PQnotifies(handle) {
            received.append(PostgresNotification(channel: String(cString: notice.pointee.relname),
                                                 payload: String(cString: notice.pointee.extra)))
            PQfreemem(notice)
        }
        return received
    }
}
