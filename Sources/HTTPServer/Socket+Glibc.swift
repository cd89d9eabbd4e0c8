import CSystemShims
import Glibc

/// The socket system calls the server makes, each failure turned into `HTTPServerError`.
enum Socket {
    static func listen(host: String, port: Int, backlog: Int) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        let isIPv6 = host.contains(":")
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .lastError("socket") }
        do throws(HTTPServerError) {
            var one: Int32 = 1
            guard setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
                throw .lastError("setsockopt(SO_REUSEADDR)")
            }
            if isIPv6 {
                var address = sockaddr_in6()
                address.sin6_family = sa_family_t(AF_INET6)
                address.sin6_port = UInt16(port).bigEndian
                guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { throw .invalidAddress(host) }
                try bind(fd, &address)
            } else {
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = UInt16(port).bigEndian
                guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw .invalidAddress(host) }
                try bind(fd, &address)
            }
            guard Glibc.listen(fd, Int32(backlog)) == 0 else { throw .lastError("listen") }
            return (fd, try localPort(fd, isIPv6: isIPv6))
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    private static func bind<Address>(_ fd: Int32, _ address: inout Address) throws(HTTPServerError) {
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<Address>.size))
            }
        }
        guard result == 0 else { throw .lastError("bind") }
    }

    private static func localPort(_ fd: Int32, isIPv6: Bool) throws(HTTPServerError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw .lastError("getsockname") }
        return withUnsafePointer(to: &storage) { pointer in
            isIPv6
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    enum AcceptResult {
        case accepted(fd: Int32, address: String)
        case wouldBlock
        case failed(HTTPServerError)
    }

    static func accept(_ listenFD: Int32) -> AcceptResult {
        var address = [CChar](repeating: 0, count: 64)
        while true {
            let fd = shim_accept(listenFD, &address, address.count)
            if fd >= 0 {
                var one: Int32 = 1
                // Responses go out in one write; Nagle would only delay the next one.
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                let text = address.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
                return .accepted(fd: fd, address: text)
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .failed(.lastError("accept4"))
            }
        }
    }

    enum ReceiveResult {
        case received(Int)
        case closed
        case wouldBlock
        case failed(HTTPServerError)
    }

    static func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> ReceiveResult {
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .received(count) }
            if count == 0 { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .failed(.lastError("recv"))
            }
        }
    }

    /// Sends every byte, waiting with poll while the peer's window is full, for at most
    /// `timeoutMilliseconds` per wait. MSG_NOSIGNAL: a vanished peer is an error, not SIGPIPE.
    static func sendAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>, timeoutMilliseconds: Int64) throws(HTTPServerError) {
        var sent = 0
        let total = bytes.count
        while sent < total {
            let result = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + sent, total - sent, Int32(MSG_NOSIGNAL))
            }
            if result >= 0 {
                sent += result
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                try waitWritable(fd, timeoutMilliseconds: timeoutMilliseconds)
            default:
                throw .lastError("send")
            }
        }
    }

    private static func waitWritable(_ fd: Int32, timeoutMilliseconds: Int64) throws(HTTPServerError) {
        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let deadline = MonotonicClock.milliseconds() + timeoutMilliseconds
        while true {
            let remaining = deadline - MonotonicClock.milliseconds()
            guard remaining > 0 else { throw .systemCall("poll", errno: ETIMEDOUT) }
            let ready = poll(&descriptor, 1, Int32(clamping: remaining))
            if ready > 0 { return }
            if ready == 0 { throw .systemCall("poll", errno: ETIMEDOUT) }
            guard errno == EINTR else { throw .lastError("poll") }
        }
    }

    static func shutdownWrite(_ fd: Int32) {
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    static func close(_ fd: Int32) {
        // Linux releases the descriptor even when close reports EINTR, so never retry.
        Glibc.close(fd)
    }
}

enum MonotonicClock {
    static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
