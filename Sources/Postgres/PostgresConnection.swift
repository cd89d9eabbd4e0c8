import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection, used by one thread at a time (the pool hands it from thread to thread).
/// Statements carry text-format parameters; one whose text is fixed in the code is prepared on
/// its first use and afterwards only bound and executed, which spares the server parsing and
/// planning it on every request. `executeScript` exists for migration files.
public final class PostgresConnection {
    private var handle: OpaquePointer?
    var savepointCount = 0
    /// The reset sent on return to the pool is still to be read.
    private var resetPending = false
    /// Names of the statements prepared on this connection, by text.
    private var prepared: [String: String] = [:]
    private var preparedCount = 0
    /// Past this many, the prepared statements are dropped and prepared again as they come.
    static let preparedLimit = 256

    public init(configuration: PostgresConfiguration) throws {
        let parameters = configuration.connectParameters
        // Owned copies: the pointers must outlive the call, and Swift's implicit bridging only
        // lasts for one argument expression.
        let keywords = parameters.map { strdup($0.keyword) }
        let values = parameters.map { strdup($0.value) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let keywordList = keywords.map { UnsafePointer($0) } + [nil]
        let valueList = values.map { UnsafePointer($0) } + [nil]
        // expand_dbname = 0: a database name is only ever a name, never a nested conninfo.
        guard let handle = PQconnectdbParams(keywordList, valueList, 0) else {
            throw PostgresError.connectionFailed("out of memory")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresError.connectionFailed(message)
        }
        // Notices ("schema already exists, skipping") would otherwise go to stderr.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
    }

    public convenience init(url: String) throws {
        try self.init(configuration: PostgresConfiguration(url: url))
    }

    deinit {
        close()
    }

    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Rows of a statement that returns rows.
    public func query(_ sql: SQL) throws -> [PostgresRow] {
        let result = try run(sql)
        defer { PQclear(result) }
        return Self.rows(of: result)
    }

    /// The rows of a result, copied out of it.
    static func rows(of result: OpaquePointer) -> [PostgresRow] {
        let rowCount = PQntuples(result)
        let fieldCount = PQnfields(result)
        let columns = PostgresRow.Columns(names: (0..<fieldCount).map { String(cString: PQfname(result, $0)) })
        var rows: [PostgresRow] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            let values: [String?] = (0..<fieldCount).map { field in
                guard PQgetisnull(result, row, field) == 0 else { return nil }
                let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, field), count: Int(PQgetlength(result, row, field)))
                return String(decoding: bytes, as: UTF8.self)
            }
            rows.append(PostgresRow(columns: columns, values: values))
        }
        return rows
    }

    /// Runs a statement and returns the rows it affected (0 when the command reports none).
    @discardableResult
    public func execute(_ sql: SQL) throws -> Int {
        let result = try run(sql)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Runs several statements in one simple-protocol round trip, without parameters. Only for
    /// trusted text such as migration files; it stops at the first failing statement.
    public func executeScript(_ text: String) throws {
        let handle = try openHandle()
        guard !text.utf8.contains(0) else {
            throw PostgresError.invalidParameter(index: 0, reason: "script contains a NUL character")
        }
        PQclear(try check(PQexec(handle, text), on: handle))
    }

    /// True when the connection is open and not broken. Cheap: no round trip, but it reads what
    /// the server may have sent since the last statement, so a connection the server closed
    /// (restart, idle timeout) is seen as broken before a query is wasted on it.
    public var isHealthy: Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return false }
        let socket = PQsocket(handle)
        guard socket >= 0 else { return false }
        // A closing server sends an error message, then end-of-file: up to a few reads see both.
        for _ in 0..<4 {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { break }
            if PQconsumeInput(handle) == 0 { return false }
        }
        return PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) != PQTRANS_UNKNOWN
    }

    /// True inside a transaction block, including one aborted by an error.
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    var isInFailedTransaction: Bool {
        guard let handle else { return false }
        return PQtransactionStatus(handle) == PQTRANS_INERROR
    }

    /// What `DISCARD ALL` does (session settings, temporary tables, session locks, cursors,
    /// listeners) but for `DEALLOCATE ALL` and `DISCARD PLANS`: the prepared statements are
    /// this connection's own, never a user's state, and keeping them is why they exist.
    static let resetScript =
        "CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD SEQUENCES; DISCARD TEMP"

    /// Starts making the connection fit for its next user: an open transaction is rolled back
    /// at once, then the reset is sent without waiting for its answer, so the request that
    /// returned the connection does not pay the round trip. `completeReset` reads that answer
    /// before the connection is lent again. False when the connection cannot be reused.
    func resetForReuse() -> Bool {
        guard isHealthy, let handle else { return false }
        if isInTransaction {
            guard (try? executeScript("ROLLBACK")) != nil, !isInTransaction else { return false }
        }
        guard PQsendQuery(handle, Self.resetScript) == 1 else { return false }
        resetPending = true
        return true
    }

    /// Waits for the reset `resetForReuse` sent; false when it failed or left the connection
    /// anywhere but idle outside a transaction.
    func completeReset() -> Bool {
        guard resetPending else { return true }
        resetPending = false
        guard let handle else { return false }
        var succeeded = true
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            if status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK { succeeded = false }
            PQclear(result)
        }
        return succeeded && PQstatus(handle) == CONNECTION_OK && PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// `text` as an SQL string literal, escaped by libpq for this connection's settings.
    public func quoteLiteral(_ text: String) throws -> String {
        let handle = try openHandle()
        guard !text.utf8.contains(0) else { throw PostgresError.invalidParameter(index: 0, reason: "contains a NUL character") }
        guard let escaped = PQescapeLiteral(handle, text, text.utf8.count) else {
            throw PostgresError.invalidParameter(index: 0, reason: Self.trimmed(PQerrorMessage(handle)))
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    private func run(_ sql: SQL) throws -> OpaquePointer {
        let handle = try openHandle()
        let values = try Self.parameterValues(sql)
        defer { values.forEach { free($0) } }
        let valueList = values.map { $0.map { UnsafePointer($0) } }
        let text = sql.text
        guard sql.hasFixedText else {
            return try check(PQexecParams(handle, text, Int32(values.count), nil, valueList, nil, nil, 0), on: handle)
        }
        try makeRoomForPrepared(1)
        let (name, isNew) = preparedStatement(text)
        if isNew {
            PQclear(try check(PQprepare(handle, name, text, Int32(values.count), nil), on: handle))
            notePrepared(text, as: name)
        }
        return try checkPrepared(PQexecPrepared(handle, name, Int32(values.count), valueList, nil, nil, 0), text: text, on: handle)
    }

    /// The parameters as C strings for libpq, to be freed by the caller.
    static func parameterValues(_ sql: SQL) throws -> [UnsafeMutablePointer<CChar>?] {
        let parameters = sql.parameters
        for (index, parameter) in parameters.enumerated() where parameter?.utf8.contains(0) == true {
            throw PostgresError.invalidParameter(index: index + 1, reason: "contains a NUL character")
        }
        return parameters.map { $0.flatMap { strdup($0) } }
    }

    /// Drops every prepared statement when `count` more would pass the limit.
    func makeRoomForPrepared(_ count: Int) throws {
        guard prepared.count + count > Self.preparedLimit else { return }
        try executeScript("DEALLOCATE ALL")
        prepared.removeAll()
    }

    /// The name `text` is prepared under, and whether it is still to be prepared.
    func preparedStatement(_ text: String) -> (name: String, isNew: Bool) {
        if let name = prepared[text] { return (name, false) }
        preparedCount += 1
        return ("pf_\(preparedCount)", true)
    }

    func notePrepared(_ text: String, as name: String) {
        prepared[text] = name
    }

    /// `check` for the execution of a prepared statement: one gone (a DEALLOCATE by hand) or
    /// outdated (its result changed shape under DDL) is prepared afresh on its next use.
    func checkPrepared(_ result: OpaquePointer?, text: String, on handle: OpaquePointer) throws -> OpaquePointer {
        do {
            return try check(result, on: handle)
        } catch let error as PostgresError where error.sqlState == "26000" || error.sqlState == "0A000" {
            prepared[text] = nil
            throw error
        }
    }

    func openHandle() throws -> OpaquePointer {
        guard let handle else { throw PostgresError.connectionFailed("connection is closed") }
        return handle
    }

    /// Returns a successful result; otherwise frees it and throws the server's error, or a
    /// connection failure when the connection broke (the caller must not reuse it then).
    func check(_ result: OpaquePointer?, on handle: OpaquePointer) throws -> OpaquePointer {
        guard let result else {
            throw Self.connectionFailure(handle)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        default:
            defer { PQclear(result) }
            let message = Self.trimmed(PQresultErrorMessage(result))
            guard PQstatus(handle) == CONNECTION_OK else { throw PostgresError.connectionFailed(message) }
            func field(_ code: UInt8) -> String? {
                PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
            }
            throw PostgresError.server(
                sqlState: field(UInt8(ascii: "C")) ?? "XX000",
                message: field(UInt8(ascii: "M")) ?? message,
                detail: field(UInt8(ascii: "D")),
                constraint: field(UInt8(ascii: "n"))
            )
        }
    }

    /// The connection's own error (it broke, or libpq could not send): not to be reused.
    static func connectionFailure(_ handle: OpaquePointer) -> PostgresError {
        .connectionFailed(trimmed(PQerrorMessage(handle)))
    }

    static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        var text = Substring(String(cString: message))
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
