#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Failures counted against one key (an account's address, a client address, a family's
/// attempts at codes abonné): consecutive ones drive the delay, the day's total the lock.
public struct ThrottleState: Sendable, Equatable {
    public var consecutiveFailures: Int
    public var failuresToday: Int
    /// When the current 24-hour counting window began.
    public var windowStart: Date?
    public var lastFailure: Date?

    public init(consecutiveFailures: Int = 0, failuresToday: Int = 0, windowStart: Date? = nil, lastFailure: Date? = nil) {
        self.consecutiveFailures = consecutiveFailures
        self.failuresToday = failuresToday
        self.windowStart = windowStart
        self.lastFailure = lastFailure
    }
}

public enum ThrottleDecision: Sendable, Equatable {
    case allowed
    /// Too many failures in a row: try again at that instant.
    case delayed(until: Date)
    /// The day's allowance is spent: nothing before that instant.
    case blockedForTheDay(until: Date)
}

/// The CNIL's throttling (délibération 2022-100): a few free attempts, then a delay doubling
/// from one minute, and a cap on failures per 24 hours.
public struct ThrottleRule: Sendable, Equatable {
    public var freeFailures: Int
    public var firstDelay: Duration
    public var maximumDelay: Duration
    public var failuresPerDay: Int

    public init(freeFailures: Int, firstDelay: Duration, maximumDelay: Duration, failuresPerDay: Int) {
        self.freeFailures = freeFailures
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.failuresPerDay = failuresPerDay
    }

    /// Sign-in to one account: after 5 failures 1 min, then 2, 4, 8… up to 1 h; 25 a day.
    public static let account = ThrottleRule(freeFailures: 4, firstDelay: .seconds(60), maximumDelay: .seconds(3600), failuresPerDay: 25)
    /// Any action from one client address: generous, it may be a town hall's shared line.
    public static let clientAddress = ThrottleRule(freeFailures: 20, firstDelay: .seconds(60), maximumDelay: .seconds(3600), failuresPerDay: 200)
    /// Codes abonné tried by one account.
    public static let subscriberCode = ThrottleRule(freeFailures: 4, firstDelay: .seconds(60), maximumDelay: .seconds(3600), failuresPerDay: 25)

    static let day: TimeInterval = 86_400

    /// The delay imposed after `consecutive` failures in a row (zero while attempts are free).
    public func delay(afterConsecutiveFailures consecutive: Int) -> Duration {
        guard consecutive > freeFailures else { return .zero }
        let doublings = min(consecutive - freeFailures - 1, 30)
        let delay = firstDelay * (1 << doublings)
        return delay > maximumDelay ? maximumDelay : delay
    }

    public func decide(_ state: ThrottleState, now: Date) -> ThrottleDecision {
        if let start = state.windowStart, now.timeIntervalSince(start) < Self.day, state.failuresToday >= failuresPerDay {
            return .blockedForTheDay(until: start.addingTimeInterval(Self.day))
        }
        let delay = delay(afterConsecutiveFailures: state.consecutiveFailures)
        if delay > .zero, let last = state.lastFailure {
            let until = last.addingTimeInterval(delay.seconds)
            if now < until { return .delayed(until: until) }
        }
        return .allowed
    }

    public func recordingFailure(_ state: ThrottleState, now: Date) -> ThrottleState {
        var next = state
        if let start = state.windowStart, now.timeIntervalSince(start) < Self.day {
            next.failuresToday += 1
        } else {
            next.windowStart = now
            next.failuresToday = 1
        }
        next.consecutiveFailures += 1
        next.lastFailure = now
        return next
    }

    /// A success ends the run of failures; the day's count stays, so alternating cannot reset it.
    public func recordingSuccess(_ state: ThrottleState) -> ThrottleState {
        var next = state
        next.consecutiveFailures = 0
        return next
    }
}

extension Duration {
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

extension ThrottleDecision {
    /// What the family reads, with the wait rounded up to the minute.
    public func frenchMessage(now: Date) -> String? {
        switch self {
        case .allowed:
            return nil
        case .delayed(let until):
            let minutes = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
            return "Trop d'essais infructueux. Par sécurité, attendez \(minutes) minute\(minutes > 1 ? "s" : "") avant de réessayer."
        case .blockedForTheDay(let until):
            let hours = max(1, Int((until.timeIntervalSince(now) / 3600).rounded(.up)))
            return "Trop d'essais infructueux aujourd'hui. Par sécurité, les essais sont suspendus pendant \(hours) heure\(hours > 1 ? "s" : "")."
                + " Vous pouvez réinitialiser votre mot de passe ou contacter le service."
        }
    }
}
