import CSystemShims
import Glibc

/// epoll through the C shim (Swift cannot import the packed `epoll_event`).
struct Epoll: Sendable {
    let fd: Int32

    static let readable = shim_epollin | shim_epollrdhup
    /// One event per arming: whichever thread owns the connection re-arms it when done.
    static let readableOnce = shim_epollin | shim_epollrdhup | shim_epolloneshot

    init() throws(HTTPServerError) {
        fd = shim_epoll_create()
        guard fd >= 0 else { throw .lastError("epoll_create1") }
    }

    func add(_ target: Int32, events: UInt32) throws(HTTPServerError) {
        guard shim_epoll_ctl(fd, 1, target, events) == 0 else { throw .lastError("epoll_ctl(ADD)") }
    }

    func modify(_ target: Int32, events: UInt32) throws(HTTPServerError) {
        guard shim_epoll_ctl(fd, 3, target, events) == 0 else { throw .lastError("epoll_ctl(MOD)") }
    }

    func remove(_ target: Int32) {
        _ = shim_epoll_ctl(fd, 2, target, 0)
    }

    /// Fills `fds` and `events`; returns how many are ready (0 on timeout or EINTR).
    func wait(fds: inout [Int32], events: inout [UInt32], timeoutMilliseconds: Int32) throws(HTTPServerError) -> Int {
        let capacity = Int32(min(fds.count, events.count))
        let count = shim_epoll_wait(fd, &fds, &events, capacity, timeoutMilliseconds)
        if count >= 0 { return Int(count) }
        guard errno == EINTR else { throw .lastError("epoll_wait") }
        return 0
    }
}
