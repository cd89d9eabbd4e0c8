import Glibc

/// A plain pthread running `body`, for the worker pool.
struct SystemThread {
    private let thread: pthread_t

    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    init(_ body: @escaping @Sendable () -> Void) throws(HTTPServerError) {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let result = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw .systemCall("pthread_create", errno: result)
        }
        self.thread = thread
    }

    func join() {
        pthread_join(thread, nil)
    }
}
