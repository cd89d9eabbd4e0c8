import Dispatch
import Glibc
import Synchronization
import Testing
@testable import HTTPServer

/// Answers with the method, path and body it received.
@Sendable func echo(_ request: HTTPRequest) -> HTTPResponse {
    .text("\(request.method) \(request.path) \(String(decoding: request.body, as: UTF8.self))")
}

@Test func keepAlive_servesSeveralRequestsOnOneConnection() throws {
    let server = try RunningServer(handler: echo)
    defer { server.stop() }
    let client = try server.client()
    for index in 1...3 {
        client.send("GET /n\(index) HTTP/1.1\r\nHost: a\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "GET /n\(index) ")
        #expect(response.headers["connection"] == nil)
        #expect(response.headers["date"]?.hasSuffix(" GMT") == true)
        #expect(response.headers["content-length"] == String(response.body.count))
    }
}

@Test func pipelinedRequests_areAnsweredInOrder() throws {
    let server = try RunningServer(handler: echo)
    defer { server.stop() }
    let client = try server.client()
    client.send("POST /un HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nabGET /deux HTTP/1.1\r\nHost: a\r\n\r\nGET /trois HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
    #expect(try client.readResponse().text == "POST /un ab")
    #expect(try client.readResponse().text == "GET /deux ")
    let last = try client.readResponse()
    #expect(last.text == "GET /trois ")
    #expect(last.headers["connection"] == "close")
    #expect(client.isClosedByServer())
}

@Test func clientLeavingMidBody_doesNotDisturbOthers() throws {
    let server = try RunningServer(handler: echo)
    defer { server.stop() }
    do {
        let leaver = try server.client()
        leaver.send("POST /envoi HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\ndebut")
    }
    let other = try server.client()
    other.send("GET /autre HTTP/1.1\r\nHost: a\r\n\r\n")
    #expect(try other.readResponse().text == "GET /autre ")
}

@Test func slowHeaders_get408AndAClose() throws {
    let server = try RunningServer(configure: { $0.headerReadTimeout = .milliseconds(200) }, handler: echo)
    defer { server.stop() }
    let client = try server.client()
    client.send("GET / HTTP/1.1\r\nHost: a\r\n")
    let response = try client.readResponse()
    #expect(response.status == 408)
    #expect(response.headers["connection"] == "close")
    #expect(client.isClosedByServer())
}

@Test func idleKeepAliveConnection_isClosedSilently() throws {
    let server = try RunningServer(configure: { $0.idleTimeout = .milliseconds(100) }, handler: echo)
    defer { server.stop() }
    let client = try server.client()
    client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
    #expect(try client.readResponse().status == 200)
    #expect(client.isClosedByServer())
}

@Test func bodyOverTheLimit_gets413AndAClose() throws {
    let reached = Mutex(false)
    let server = try RunningServer(configure: { $0.bodyLimit = { _, _ in 10 } }, handler: { request in
        reached.withLock { $0 = true }
        return echo(request)
    })
    defer { server.stop() }
    let client = try server.client()
    client.send("POST /envoi HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n" + String(repeating: "x", count: 100))
    let response = try client.readResponse()
    #expect(response.status == 413)
    #expect(response.text == "Requête trop volumineuse.\n")
    #expect(client.isClosedByServer())
    #expect(reached.withLock { $0 } == false)
}

@Test func chunkedUploadOverTheLimit_gets413() throws {
    let server = try RunningServer(configure: { $0.bodyLimit = { _, _ in 10 } }, handler: echo)
    defer { server.stop() }
    let client = try server.client()
    client.send("POST /envoi HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n6\r\nabcdef\r\n0\r\n\r\n")
    #expect(try client.readResponse().status == 413)
    #expect(client.isClosedByServer())
}

@Test func thousandIdleConnections_needNoThreadEach() throws {
    raiseDescriptorLimit(to: 4096)
    // The idle timeout is raised so a loaded machine opening the thousand connections slowly
    // cannot see the first ones closed: this test is about threads, not timeouts.
    let server = try RunningServer(configure: { $0.workerCount = 4; $0.idleTimeout = .seconds(900) }, handler: echo)
    defer { server.stop() }
    var idle: [TestClient] = []
    for index in 0..<1000 {
        let client = try server.client()
        client.send("GET /c\(index) HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        idle.append(client)
    }
    let other = try server.client()
    other.send("GET /autre HTTP/1.1\r\nHost: a\r\n\r\n")
    #expect(try other.readResponse().text == "GET /autre ")
    for client in [idle[0], idle[999]] {
        client.send("GET /encore HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(try client.readResponse().text == "GET /encore ")
    }
}

@Test func shutdown_finishesTheInFlightRequestThenReturns() throws {
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let server = try RunningServer(handler: { request in
        if request.path == "/lent" {
            entered.signal()
            release.wait()
        }
        return echo(request)
    })
    let idle = try server.client()
    idle.send("GET /rapide HTTP/1.1\r\nHost: a\r\n\r\n")
    #expect(try idle.readResponse().status == 200)

    let slow = try server.client()
    slow.send("GET /lent HTTP/1.1\r\nHost: a\r\n\r\n")
    entered.wait()
    server.server.shutdown()
    #expect(idle.isClosedByServer())
    release.signal()
    let response = try slow.readResponse()
    #expect(response.text == "GET /lent ")
    #expect(response.headers["connection"] == "close")
    #expect(slow.isClosedByServer())
    server.waitUntilStopped()
    #expect(throws: TestClientError.self) { try server.client() }
}

@Test func sigterm_drainsTheServer() throws {
    let server = try RunningServer(configure: { $0.handlesTerminationSignals = true }, handler: echo)
    let client = try server.client()
    client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
    #expect(try client.readResponse().status == 200)
    kill(getpid(), SIGTERM)
    server.waitUntilStopped()
    #expect(client.isClosedByServer())
}

@Test func head_sendsTheGetContentLengthWithoutBody() throws {
    let server = try RunningServer(handler: { _ in .text("bonjour") })
    defer { server.stop() }
    let client = try server.client()
    client.send("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n")
    let head = try client.readResponse(toHead: true)
    #expect(head.status == 200)
    #expect(head.headers["content-length"] == "7")
    client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
    #expect(try client.readResponse().text == "bonjour")
}

@Test func serverErrorResponses_carryDefaultHeaders() throws {
    let server = try RunningServer(configure: {
        $0.defaultHeaders = [("X-Frame-Options", "DENY"), ("Content-Security-Policy", "default-src 'self'")]
    }, handler: echo)
    defer { server.stop() }
    let client = try server.client()
    client.send("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n")
    let response = try client.readResponse()
    #expect(response.status == 400)
    #expect(response.headers["x-frame-options"] == "DENY")
    #expect(response.headers["content-security-policy"] == "default-src 'self'")
    #expect(response.headers["date"] != nil)
    #expect(response.headers["content-length"] == String(response.body.count))
    #expect(response.text == "Requête invalide.\n")
    #expect(client.isClosedByServer())
}

@Test func handlerHeaders_overrideDefaultsAndCannotSetFraming() throws {
    let server = try RunningServer(configure: { $0.defaultHeaders = [("Cache-Control", "no-store")] }, handler: { _ in
        HTTPResponse(status: .ok, headers: ["Cache-Control": "public", "Content-Length": "999", "X-Bad": "a\r\nInjected: 1"], body: Array("ok".utf8))
    })
    defer { server.stop() }
    let client = try server.client()
    client.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
    let response = try client.readResponse()
    #expect(response.headers.values(for: "cache-control") == ["public"])
    #expect(response.headers.values(for: "content-length") == ["2"])
    #expect(response.headers["x-bad"] == nil)
    #expect(response.headers["injected"] == nil)
}

@Test(arguments: [
    ("GET / HTTP/1.0\r\n\r\n", "close"),
    ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "keep-alive"),
    ("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", "close"),
])
func connectionHeader_decidesPersistence(request: String, expected: String) throws {
    let server = try RunningServer(handler: echo)
    defer { server.stop() }
    let client = try server.client()
    client.send(request)
    let response = try client.readResponse()
    #expect(response.headers["connection"] == expected)
    if expected == "close" {
        #expect(client.isClosedByServer())
    } else {
        client.send(request)
        #expect(try client.readResponse().status == 200)
    }
}
