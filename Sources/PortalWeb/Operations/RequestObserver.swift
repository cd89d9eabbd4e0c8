import Foundation
import HTTPServer

/// What the application learns while answering, for the log line: which town, which route.
struct RequestTrace {
    var tenant = "-"
    var route = "-"
}

/// Hears every answered request: counts it in `metrics` and writes its log line to `sink`.
public final class RequestObserver: Sendable {
    public let metrics: RequestMetrics
    private let logsClientAddress: Bool
    private let sink: @Sendable (String) -> Void

    public init(metrics: RequestMetrics = RequestMetrics(), logsClientAddress: Bool = false,
                sink: @escaping @Sendable (String) -> Void) {
        self.metrics = metrics
        self.logsClientAddress = logsClientAddress
        self.sink = sink
    }

    /// Lines to standard output, one `write` each so that lines of concurrent requests never interleave.
    public static func standardOutput(logsClientAddress: Bool) -> RequestObserver {
        RequestObserver(logsClientAddress: logsClientAddress) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    /// Counts but writes nothing (tests, tools).
    public static func silent() -> RequestObserver {
        RequestObserver { _ in }
    }

    func record(_ request: HTTPRequest, trace: RequestTrace, status: Int, started: ContinuousClock.Instant) {
        let duration = ContinuousClock.now - started
        metrics.record(status: status, duration: duration)
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        let line = RequestLogLine(time: Date().timeIntervalSince1970, tenant: trace.tenant, method: request.method,
                                  route: trace.route, status: status, durationMilliseconds: milliseconds,
                                  clientAddress: logsClientAddress ? request.remoteAddress : nil)
        sink(line.formatted)
    }
}
