import HTTPServer
import PortalFlows
import PortalStore
import Postgres

/// `/metrics` in the Prometheus text exposition format (version 0.0.4).
enum MetricsPage {
    static let path = "/metrics"
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func response(metrics: RequestMetrics.Snapshot, databases: TenantDatabases) -> HTTPResponse {
        let gauges = ClusterGauges(databases: databases)
        let (pools, backlogs) = (gauges.pools(), gauges.outboxBacklogs())
        var response = HTTPResponse(status: .ok, body: Array(render(metrics: metrics, pools: pools, outboxBacklog: backlogs).utf8))
        response.headers.set("Content-Type", contentType)
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    static func render(metrics: RequestMetrics.Snapshot, pools: [(cluster: String, stats: PoolStats)],
                       outboxBacklog: [(cluster: String, rows: Int)]) -> String {
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ help: String) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
        }
        family("portal_http_requests_total", "counter", "Requests answered by the application, by status class.")
        for (index, count) in metrics.byStatusClass.enumerated() {
            lines.append("portal_http_requests_total{code=\"\(index + 1)xx\"} \(count)")
        }
        family("portal_http_request_duration_seconds", "histogram", "Time the application took to answer a request.")
        for (bound, count) in zip(RequestMetrics.bucketBounds, metrics.buckets) {
            lines.append("portal_http_request_duration_seconds_bucket{le=\"\(number(bound))\"} \(count)")
        }
        lines.append("portal_http_request_duration_seconds_bucket{le=\"+Inf\"} \(metrics.count)")
        lines.append("portal_http_request_duration_seconds_sum \(number(metrics.sumSeconds))")
        lines.append("portal_http_request_duration_seconds_count \(metrics.count)")
        family("portal_db_pool_connections", "gauge", "Database connections of this process, by cluster and state.")
        for (cluster, stats) in pools {
            lines.append("portal_db_pool_connections{cluster=\"\(cluster)\",state=\"in_use\"} \(stats.inUse)")
            lines.append("portal_db_pool_connections{cluster=\"\(cluster)\",state=\"idle\"} \(stats.idle)")
        }
        family("portal_db_pool_waiting", "gauge", "Requests waiting for a database connection, by cluster.")
        for (cluster, stats) in pools {
            lines.append("portal_db_pool_waiting{cluster=\"\(cluster)\"} \(stats.waiting)")
        }
        family("portal_db_pool_max_connections", "gauge", "Size limit of the connection pool, by cluster.")
        for (cluster, stats) in pools {
            lines.append("portal_db_pool_max_connections{cluster=\"\(cluster)\"} \(stats.maxSize)")
        }
        if !outboxBacklog.isEmpty {
            family("portal_outbox_backlog", "gauge", "E-mails written to the outbox and not yet sent, by cluster.")
            for (cluster, rows) in outboxBacklog {
                lines.append("portal_outbox_backlog{cluster=\"\(cluster)\"} \(rows)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Prometheus floats: plain decimal, no exponent for the values we print.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
