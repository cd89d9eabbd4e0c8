import Testing
@testable import HTTPServer

/// Feeds `raw` to a parser and collects what it yields until it needs more bytes or fails.
func parse(_ raw: String, byteByByte: Bool = false, configure: (inout HTTPServerConfiguration) -> Void = { _ in }) -> (requests: [HTTPRequest], failure: Int?) {
    var configuration = HTTPServerConfiguration()
    configure(&configuration)
    var parser = RequestParser(limits: RequestParser.Limits(configuration))
    var buffer = ReadBuffer()
    var requests: [HTTPRequest] = []
    let bytes = Array(raw.utf8)
    let pieces: [[UInt8]] = byteByByte ? bytes.map { [$0] } : [bytes]
    for piece in pieces {
        piece.withUnsafeBytes { buffer.append($0) }
        while true {
            switch parser.parse(&buffer, remoteAddress: "192.0.2.1") {
            case .needMore:
                break
            case .request(let request, _):
                requests.append(request)
                continue
            case .failure(let status):
                return (requests, status.code)
            }
            break
        }
    }
    return (requests, nil)
}

struct ParserCase: CustomTestStringConvertible, Sendable {
    let name: String
    let raw: String
    /// 200 means "parsed into a request".
    let expected: Int
    var testDescription: String { name }
}

let longTarget = "/" + String(repeating: "a", count: 9000)
let manyHeaders = (0..<101).map { "X-H\($0): v\r\n" }.joined()
let bigHeader = "X-Big: " + String(repeating: "b", count: 17 * 1024) + "\r\n"

let parserCases: [ParserCase] = [
    ParserCase(name: "simple GET", raw: "GET / HTTP/1.1\r\nHost: a\r\n\r\n", expected: 200),
    ParserCase(name: "HTTP/1.0 without Host", raw: "GET / HTTP/1.0\r\n\r\n", expected: 200),
    ParserCase(name: "leading empty line ignored", raw: "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", expected: 200),
    ParserCase(name: "request line without version", raw: "GET /\r\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "request line with two spaces", raw: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "method with invalid token char", raw: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "garbage version", raw: "GET / HTTX/1.1\r\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "HTTP/2.0", raw: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", expected: 505),
    ParserCase(name: "HTTP/0.9 style version", raw: "GET / HTTP/0.9\r\nHost: a\r\n\r\n", expected: 505),
    ParserCase(name: "request line too long", raw: "GET \(longTarget) HTTP/1.1\r\nHost: a\r\n\r\n", expected: 414),
    ParserCase(name: "obs-fold", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", expected: 400),
    ParserCase(name: "tab obs-fold", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\tc\r\n\r\n", expected: 400),
    ParserCase(name: "Content-Length and Transfer-Encoding", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", expected: 400),
    ParserCase(name: "negative Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", expected: 400),
    ParserCase(name: "overflowing Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", expected: 400),
    ParserCase(name: "huge Content-Length over the body limit", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999999\r\n\r\n", expected: 413),
    ParserCase(name: "non-digit Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1e3\r\n\r\n", expected: 400),
    ParserCase(name: "repeated identical Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", expected: 400),
    ParserCase(name: "two different Content-Lengths", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy", expected: 400),
    ParserCase(name: "Content-Length list", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 1\r\n\r\nx", expected: 400),
    ParserCase(name: "Transfer-Encoding gzip", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", expected: 400),
    ParserCase(name: "chunked not last", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", expected: 400),
    ParserCase(name: "two Transfer-Encoding fields", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", expected: 400),
    ParserCase(name: "Transfer-Encoding in HTTP/1.0", raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", expected: 400),
    ParserCase(name: "bare LF after request line", raw: "GET / HTTP/1.1\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "bare LF ending the head", raw: "GET / HTTP/1.1\r\nHost: a\n\n", expected: 400),
    ParserCase(name: "NUL in header value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{0}c\r\n\r\n", expected: 400),
    ParserCase(name: "NUL in header name", raw: "GET / HTTP/1.1\r\nHost: a\r\nX\u{0}A: b\r\n\r\n", expected: 400),
    ParserCase(name: "CR inside header value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\rc\r\n\r\n", expected: 400),
    ParserCase(name: "escape char in header value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{1B}c\r\n\r\n", expected: 400),
    ParserCase(name: "space before colon", raw: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", expected: 400),
    ParserCase(name: "tab before colon", raw: "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", expected: 400),
    ParserCase(name: "header without colon", raw: "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", expected: 400),
    ParserCase(name: "empty header name", raw: "GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n", expected: 400),
    ParserCase(name: "too many headers", raw: "GET / HTTP/1.1\r\nHost: a\r\n\(manyHeaders)\r\n", expected: 431),
    ParserCase(name: "header section too large", raw: "GET / HTTP/1.1\r\nHost: a\r\n\(bigHeader)\r\n", expected: 431),
    ParserCase(name: "non-hex chunk size", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", expected: 400),
    ParserCase(name: "overflowing chunk size", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n", expected: 400),
    ParserCase(name: "chunk extension with a NUL", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;\u{0}\r\nx\r\n0\r\n\r\n", expected: 400),
    ParserCase(name: "chunk extension with a lone CR", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;a\rb\r\nx\r\n0\r\n\r\n", expected: 400),
    ParserCase(name: "chunk extension without a name", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;=v\r\nx\r\n0\r\n\r\n", expected: 400),
    ParserCase(name: "chunk extension with an unterminated quoted value", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1;a=\"v\r\nx\r\n0\r\n\r\n", expected: 400),
    ParserCase(name: "chunk size followed by garbage", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1 x\r\nx\r\n0\r\n\r\n", expected: 400),
    ParserCase(name: "chunk extensions of every allowed shape", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1 ; a ; b = c;d=\"q \\\" ;x\"\r\nx\r\n0\r\n\r\n", expected: 200),
    ParserCase(name: "trailer with a NUL", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: a\u{0}b\r\n\r\n", expected: 400),
    ParserCase(name: "trailer without a colon", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nGET /x HTTP/1.1\r\n\r\n", expected: 400),
    ParserCase(name: "trailer with obs-fold", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: a\r\n b\r\n\r\n", expected: 400),
    ParserCase(name: "trailer with space before the colon", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T : a\r\n\r\n", expected: 400),
    ParserCase(name: "chunk data not followed by CRLF", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nxy\r\n0\r\n\r\n", expected: 400),
    ParserCase(name: "missing Host in HTTP/1.1", raw: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", expected: 400),
    ParserCase(name: "two Host fields", raw: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", expected: 400),
    ParserCase(name: "encoded NUL in path", raw: "GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "dot segments escaping the root", raw: "GET /../etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "encoded dot segments escaping the root", raw: "GET /a/%2e%2e/%2E%2E/etc HTTP/1.1\r\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "invalid percent escape in path", raw: "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n", expected: 400),
    ParserCase(name: "target that is not origin-form", raw: "GET abc HTTP/1.1\r\nHost: a\r\n\r\n", expected: 400),
]

@Test(arguments: parserCases)
func parserAnswers_expectedStatus(_ testCase: ParserCase) {
    let result = parse(testCase.raw)
    if testCase.expected == 200 {
        #expect(result.failure == nil)
    } else {
        #expect(result.failure == testCase.expected)
    }
}

@Test(arguments: parserCases)
func parserFedOneByteAtATime_answersSameStatus(_ testCase: ParserCase) {
    let whole = parse(testCase.raw)
    let trickled = parse(testCase.raw, byteByByte: true)
    #expect(whole.failure == trickled.failure)
    #expect(whole.requests.count == trickled.requests.count)
}

@Test func chunkedBody_isReassembledIgnoringExtensionsAndTrailers() {
    let raw = "POST /envoi HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nhello\r\n6 ; x\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
    for byteByByte in [false, true] {
        let result = parse(raw, byteByByte: byteByByte)
        #expect(result.failure == nil)
        #expect(result.requests.count == 1)
        #expect(result.requests.first.map { String(decoding: $0.body, as: UTF8.self) } == "hello world")
    }
}

@Test func chunkSizesOverTheRouteLimit_areRefusedWith413BeforeTheData() {
    let raw = "POST /petit HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n"
    let result = parse(raw) { $0.bodyLimit = { _, path in path == "/petit" ? 4 : 1000 } }
    #expect(result.failure == 413)
}

@Test func contentLengthOverTheRouteLimit_isRefusedFromTheHeaderAlone() {
    let raw = "POST /petit HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n"
    let result = parse(raw) { $0.bodyLimit = { method, _ in method == "POST" ? 4 : 1000 } }
    #expect(result.failure == 413)
}

@Test func trailersCountAgainstTheHeaderLimit() {
    let trailer = "X-T: " + String(repeating: "t", count: 200) + "\r\n"
    let raw = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\(trailer)\(trailer)\r\n"
    let result = parse(raw) { $0.maxHeaderBytes = 300 }
    #expect(result.failure == 431)
}

@Test func pipelinedRequests_areYieldedInOrder() {
    let raw = "GET /un HTTP/1.1\r\nHost: a\r\n\r\nPOST /deux HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET /trois HTTP/1.1\r\nHost: a\r\n\r\n"
    let result = parse(raw)
    #expect(result.failure == nil)
    #expect(result.requests.map(\.path) == ["/un", "/deux", "/trois"])
    #expect(result.requests[1].body == Array("abc".utf8))
}

@Test func targetIsPercentDecodedAndQueryParsed() throws {
    let raw = "GET /familles/%C3%A9t%C3%A9/./x/../enfants?nom=L%C3%A9a+Martin&vide=&drapeau&nom=Zo%C3%A9 HTTP/1.1\r\nHost: a\r\n\r\n"
    let request = try #require(parse(raw).requests.first)
    #expect(request.path == "/familles/été/enfants")
    #expect(request.query.map(\.name) == ["nom", "vide", "drapeau", "nom"])
    #expect(request.queryValue("nom") == "Léa Martin")
    #expect(request.queryValue("vide") == "")
    #expect(request.queryValue("absent") == nil)
    #expect(request.target.hasPrefix("/familles/%C3%A9t%C3%A9"))
}

@Test func methodKeepsItsCaseAndHeadersLookUpCaseInsensitively() throws {
    let raw = "get / HTTP/1.1\r\nHOST: ville.example\r\nX-Multi: 1\r\nx-multi: 2\r\n\r\n"
    let request = try #require(parse(raw).requests.first)
    #expect(request.method == "get")
    #expect(request.headers["host"] == "ville.example")
    #expect(request.headers.values(for: "X-MULTI") == ["1", "2"])
    #expect(request.remoteAddress == "192.0.2.1")
}

@Test func absoluteFormTarget_keepsOnlyThePath() throws {
    let request = try #require(parse("GET http://ville.example/a?b=c HTTP/1.1\r\nHost: ville.example\r\n\r\n").requests.first)
    #expect(request.path == "/a")
    #expect(request.queryValue("b") == "c")
}

@Test func absoluteFormTarget_replacesTheHostFieldWithItsAuthority() throws {
    let request = try #require(parse("GET http://autre.example:8080/a HTTP/1.1\r\nHost: ville.example\r\n\r\n").requests.first)
    #expect(request.headers.values(for: "host") == ["autre.example:8080"])
}

@Test(arguments: ["GET http:///a HTTP/1.1\r\nHost: a\r\n\r\n", "GET http://user@ville.example/a HTTP/1.1\r\nHost: a\r\n\r\n"])
func absoluteFormTargetWithoutHostOrWithUserinfo_isRefused(raw: String) {
    #expect(parse(raw).failure == 400)
}

@Test(arguments: [
    ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", true),
    ("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", false),
    ("GET / HTTP/1.1\r\nHost: a\r\nConnection: Keep-Alive, Close\r\n\r\n", false),
    ("GET / HTTP/1.0\r\n\r\n", false),
    ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
])
func keepAlive_followsVersionAndConnectionHeader(raw: String, expected: Bool) {
    var parser = RequestParser(limits: RequestParser.Limits(HTTPServerConfiguration()))
    var buffer = ReadBuffer()
    Array(raw.utf8).withUnsafeBytes { buffer.append($0) }
    guard case .request(_, let keepAlive) = parser.parse(&buffer, remoteAddress: "") else {
        Issue.record("no request parsed")
        return
    }
    #expect(keepAlive == expected)
}
