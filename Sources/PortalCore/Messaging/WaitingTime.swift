public import Foundation

/// How long a family has been waiting for an answer, as staff read it in the inbox.
public enum WaitingTime {
    /// « 45 min », « 3 h 05 », « 2 j 4 h »
    public static func french(from start: Date, to now: Date) -> String {
        let minutes = max(0, Int(now.timeIntervalSince(start)) / 60)
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 24 {
            let rest = minutes % 60
            return rest < 10 ? "\(hours) h 0\(rest)" : "\(hours) h \(rest)"
        }
        return "\(hours / 24) j \(hours % 24) h"
    }
}
