import Synchronization

/// Counters of the requests this process answered, for `/metrics`. One instance per
/// application, passed down; a lock per request is cheap next to a database round trip.
public final class RequestMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds (Prometheus `le`).
    public static let bucketBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public struct Snapshot: Sendable, Equatable {
        /// Index 0 is 1xx … index 4 is 5xx.
        public var byStatusClass = [Int](repeating: 0, count: 5)
        /// Cumulative counts per `bucketBounds` entry; the total is `count`.
        public var buckets = [Int](repeating: 0, count: RequestMetrics.bucketBounds.count)
        public var count = 0
        public var sumSeconds = 0.0
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public func record(status: Int, duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let statusClass = min(max(status / 100, 1), 5) - 1
        state.withLock { snapshot in
            snapshot.byStatusClass[statusClass] += 1
            for (index, bound) in Self.bucketBounds.enumerated() where seconds <= bound {
                snapshot.buckets[index] += 1
            }
            snapshot.count += 1
            snapshot.sumSeconds += seconds
        }
    }

    public var snapshot: Snapshot { state.withLock { $0 } }
}
