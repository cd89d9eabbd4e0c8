import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// A statement and the reading of its rows, so that several can travel together
/// (`PostgresConnection.pipeline`) and each still comes back as its own type.
public struct PostgresQuery<Value> {
    public let sql: SQL
    public let read: ([PostgresRow]) throws -> Value

    public init(_ sql: SQL, read: @escaping ([PostgresRow]) throws -> Value) {
        self.sql = sql
        self.read = read
    }
}

extension PostgresConnection {
    /// One query on its own.
    public func fetch<Value>(_ query: PostgresQuery<Value>) throws -> Value {
        try query.read(self.query(query.sql))
    }

    /// Sends every statement before reading any answer (libpq's pipeline mode): one round trip
    /// instead of one each. Outside a transaction block the statements make one implicit
    /// transaction, which `localSettings` (`set_config(name, value, true)`, sent first) last
    /// for. The first statement to fail is thrown; those after it were skipped.
    public func pipeline<each Value>(localSettings: [(name: String, value: String)] = [],
                                     _ queries: repeat PostgresQuery<each Value>) throws -> (repeat each Value) {
        var statements: [SQL] = localSettings.map { "SELECT set_config(\($0.name), \($0.value), true)" }
        for query in repeat each queries { statements.append(query.sql) }
        var results = try pipelineRows(statements).dropFirst(localSettings.count)
        func next<V>(_ query: PostgresQuery<V>) throws -> V { try query.read(results.removeFirst()) }
        return (repeat try next(each queries))
    }

    private enum Sent {
        case preparation(text: String, name: String)
        case statement(text: String)
    }

    private func pipelineRows(_ statements: [SQL]) throws -> [[PostgresRow]] {
        let handle = try openHandle()
        // Preparing may drop every prepared statement, which cannot be done once in pipeline mode.
        try makeRoomForPrepared(statements.count)
        var values: [[UnsafeMutablePointer<CChar>?]] = []
        defer { values.forEach { $0.forEach { free($0) } } }
        for sql in statements { values.append(try Self.parameterValues(sql)) }
        guard PQenterPipelineMode(handle) == 1 else { throw Self.connectionFailure(handle) }
        // Fails (and leaves the connection unfit for reuse, so the pool closes it) only when the
        // answers could not all be read.
        defer { PQexitPipelineMode(handle) }
        var sent: [Sent] = []
        for (sql, parameters) in zip(statements, values) {
            let text = sql.text
            let valueList = parameters.map { $0.map { UnsafePointer($0) } }
            let queued: Int32
            if sql.hasFixedText {
                let (name, isNew) = preparedStatement(text)
                if isNew {
                    guard PQsendPrepare(handle, name, text, Int32(parameters.count), nil) == 1 else { throw Self.connectionFailure(handle) }
                    sent.append(.preparation(text: text, name: name))
                }
                queued = PQsendQueryPrepared(handle, name, Int32(parameters.count), valueList, nil, nil, 0)
            } else {
                queued = PQsendQueryParams(handle, text, Int32(parameters.count), nil, valueList, nil, nil, 0)
            }
            guard queued == 1 else { throw Self.connectionFailure(handle) }
            sent.append(.statement(text: text))
        }
        guard PQpipelineSync(handle) == 1 else { throw Self.connectionFailure(handle) }
        var rows: [[PostgresRow]] = []
        var failure: (any Error)?
        for item in sent {
            // Each command's answer, then a null result that ends it.
            guard let result = PQgetResult(handle) else { throw Self.connectionFailure(handle) }
            while let extra = PQgetResult(handle) { PQclear(extra) }
            guard PQresultStatus(result) != PGRES_PIPELINE_ABORTED else {
                PQclear(result)
                continue
            }
            do {
                switch item {
                case .preparation(let text, let name):
                    PQclear(try check(result, on: handle))
                    notePrepared(text, as: name)
                case .statement(let text):
                    let checked = try checkPrepared(result, text: text, on: handle)
                    rows.append(Self.rows(of: checked))
                    PQclear(checked)
                }
            } catch {
                failure = failure ?? error
            }
        }
        guard let sync = PQgetResult(handle) else { throw Self.connectionFailure(handle) }
        let synced = PQresultStatus(sync) == PGRES_PIPELINE_SYNC
        PQclear(sync)
        if let failure { throw failure }
        guard synced else { throw Self.connectionFailure(handle) }
        return rows
    }
}
