import Testing
@testable import HTTPServer

private func assets() -> StaticAssets {
    var assets = StaticAssets(cacheControl: "public, max-age=60")
    assets.add(path: "/static/site.css", contentType: "text/css; charset=utf-8", bytes: Array("body{}".utf8))
    return assets
}

private func get(_ path: String, method: String = "GET", headers: HTTPHeaders = HTTPHeaders()) throws -> HTTPRequest {
    try HTTPRequest(method: method, target: path, headers: headers)
}

@Test func knownAsset_isServedWithETagAndCacheControl() throws {
    let response = try #require(assets().response(for: get("/static/site.css")))
    #expect(response.status == .ok)
    #expect(response.body == Array("body{}".utf8))
    #expect(response.headers["content-type"] == "text/css; charset=utf-8")
    #expect(response.headers["cache-control"] == "public, max-age=60")
    let etag = try #require(response.headers["etag"])
    #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
}

@Test func etagChangesWithContentAndIsStable() {
    #expect(StaticAssets.etag(for: Array("a".utf8)) == StaticAssets.etag(for: Array("a".utf8)))
    #expect(StaticAssets.etag(for: Array("a".utf8)) != StaticAssets.etag(for: Array("b".utf8)))
}

@Test(arguments: ["ETAG", "W/ETAG", "\"autre\", ETAG", "*"])
func matchingIfNoneMatch_gives304WithoutBody(condition: String) throws {
    let etag = try #require(assets()["/static/site.css"]?.etag)
    let header = condition.replacing("ETAG", with: etag)
    let response = try #require(assets().response(for: get("/static/site.css", headers: ["If-None-Match": header])))
    #expect(response.status == .notModified)
    #expect(response.body.isEmpty)
    #expect(response.headers["etag"] == etag)
}

@Test func staleIfNoneMatch_gives200() throws {
    let response = try #require(assets().response(for: get("/static/site.css", headers: ["If-None-Match": "\"ancien\""])))
    #expect(response.status == .ok)
}

@Test func unknownPathOrMethod_isNotAnAsset() throws {
    #expect(assets().response(for: try get("/static/absent.css")) == nil)
    #expect(assets().response(for: try get("/static/site.css", method: "POST")) == nil)
    #expect(assets().response(for: try get("/static/site.css", method: "HEAD")) != nil)
}
