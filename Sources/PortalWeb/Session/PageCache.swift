import Foundation
import HTTPServer
import PortalFlows
import PortalStore
import Synchronization

/// Pages of a signed-in session reused while nothing they show can have changed: the family
/// planning, which parents reload again and again when bookings open.
///
/// A page is reused only for the same town, session token and request target, and only while
///   - the town's data is unchanged (`TownChanges.Stamp`, taken before the page's reads);
///   - the clock is in the same minute: deadlines, « aujourd'hui » and opening times are
///     whole minutes, so a page never outlives the minute it was judged in;
///   - the session would still be alive (idle and absolute limits).
/// Its last-seen time is then written on the next page not reused, at most a minute later.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        let schema: String
        let sessionToken: String
        let target: String
    }

    private struct Entry: Sendable {
        let stamp: TownChanges.Stamp
        let minute: Int64
        let sessionEnds: Date
        let response: HTTPResponse
        let size: Int
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    private let maximumBytes: Int

    init(maximumBytes: Int = 16 * 1024 * 1024) {
        self.maximumBytes = maximumBytes
    }

    func response(for key: Key, stamp: TownChanges.Stamp, now: Date) -> HTTPResponse? {
        state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            guard entry.stamp == stamp, entry.minute == Self.minute(of: now), now < entry.sessionEnds else {
                state.entries[key] = nil
                state.bytes -= entry.size
                return nil
            }
            return entry.response
        }
    }

    func store(_ response: HTTPResponse, for key: Key, stamp: TownChanges.Stamp, now: Date, sessionEnds: Date) {
        let size = response.body.count + key.sessionToken.utf8.count + key.target.utf8.count
        guard size <= maximumBytes / 8 else { return }
        let minute = Self.minute(of: now)
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.size }
            if state.bytes + size > maximumBytes {
                // Stale entries go first; if that is not enough, the whole cache: it refills in a minute.
                for (other, entry) in state.entries where entry.minute != minute || (other.schema == key.schema && entry.stamp != stamp) {
                    state.entries[other] = nil
                    state.bytes -= entry.size
                }
                if state.bytes + size > maximumBytes {
                    state.entries.removeAll()
                    state.bytes = 0
                }
            }
            state.entries[key] = Entry(stamp: stamp, minute: minute, sessionEnds: sessionEnds, response: response, size: size)
            state.bytes += size
        }
    }

    var storedBytes: Int { state.withLock { $0.bytes } }

    private static func minute(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 60).rounded(.down))
    }
}
