public import Foundation
import PortalCore

/// Holds the towns' due draws from the server, every 15 seconds. Several servers may run it:
/// `HoldDueDraws` holds each draw once.
public final class DrawWorker: Sendable {
    private let towns: [Town]
    private let clock: @Sendable () -> Date
    private let loop = RepeatingThread(name: "draw-worker", interval: 15)

    /// Only the towns that draw an opening are visited.
    public init(towns: [Town], clock: @escaping @Sendable () -> Date = { Date() }) {
        self.towns = towns.filter { $0.tenant.activities.contains { $0.booking.atOpening.draw != nil } }
        self.clock = clock
    }

    public func start() {
        guard !towns.isEmpty else { return }
        loop.start { [self] in
            for town in towns { _ = try? HoldDueDraws(town: town).run(now: clock()) }
            return false
        }
    }

    public func stop() { loop.stop() }
}
