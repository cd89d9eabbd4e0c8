import Dispatch
import Synchronization

/// A FIFO that worker threads block on. Our own threads, never Swift's cooperative pool,
/// so blocking here is fine.
final class BlockingQueue<Element: Sendable>: Sendable {
    private struct Storage: ~Copyable {
        var incoming: [Element] = []
        var outgoing: [Element] = []
    }

    private let storage = Mutex(Storage())
    private let available = DispatchSemaphore(value: 0)

    func push(_ element: Element) {
        storage.withLock { $0.incoming.append(element) }
        available.signal()
    }

    func pop() -> Element {
        available.wait()
        return storage.withLock { storage in
            if storage.outgoing.isEmpty {
                storage.outgoing = storage.incoming.reversed()
                storage.incoming.removeAll(keepingCapacity: true)
            }
            return storage.outgoing.removeLast()
        }
    }
}

/// Everything queued so far, taken at once (the event loop's inbox).
final class Inbox<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func push(_ element: Element) {
        items.withLock { $0.append(element) }
    }

    func takeAll() -> [Element] {
        items.withLock { items in
            defer { items.removeAll(keepingCapacity: true) }
            return items
        }
    }
}
