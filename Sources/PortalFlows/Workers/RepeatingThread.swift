import Foundation
import Synchronization

/// A background pass repeated on a thread of its own (libpq blocks): every `interval`, or again
/// at once when the pass says more is waiting. `stop` lets the pass under way finish.
final class RepeatingThread: Sendable {
    private let name: String
    private let interval: TimeInterval
    private let state = Mutex<(stopping: Bool, running: Bool)>((false, false))
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(name: String, interval: TimeInterval) {
        self.name = name
        self.interval = interval
    }

    /// `pass` returns true when more work is waiting.
    func start(_ pass: @escaping @Sendable () -> Bool) {
        state.withLock { $0.running = true }
        let thread = Thread { [self] in
            while !state.withLock({ $0.stopping }) {
                if !pass() { _ = wake.wait(timeout: .now() + interval) }
            }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    func stop() {
        let wasRunning = state.withLock { state -> Bool in
            state.stopping = true
            return state.running
        }
        guard wasRunning else { return }
        wake.signal()
        finished.wait()
    }
}
