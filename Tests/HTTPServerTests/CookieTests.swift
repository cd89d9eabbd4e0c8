import Testing
@testable import HTTPServer

@Test func cookiesAreParsedFromEveryCookieHeader_firstWins() throws {
    let headers: HTTPHeaders = HTTPHeaders([
        ("Cookie", "session=abc123; theme=\"sombre\" ;  vide="),
        ("Cookie", "session=autre; lang=fr"),
    ])
    let request = try HTTPRequest(method: "GET", target: "/", headers: headers)
    #expect(request.cookies == ["session": "abc123", "theme": "sombre", "vide": "", "lang": "fr"])
}

@Test func malformedCookiePairs_areSkipped() throws {
    let request = try HTTPRequest(method: "GET", target: "/", headers: ["Cookie": "sansegal; =valeur; ok=1"])
    #expect(request.cookies == ["ok": "1"])
}

@Test func setCookie_writesAttributes() throws {
    var response = HTTPResponse.text("ok")
    try response.setCookie(name: "session", value: "abc", path: "/", maxAge: 3600, httpOnly: true, secure: true, sameSite: .strict)
    try response.setCookie(name: "pref", value: "x", path: nil, httpOnly: false, secure: false, sameSite: nil)
    #expect(response.headers.values(for: "set-cookie") == [
        "session=abc; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Strict",
        "pref=x",
    ])
}

@Test(arguments: ["", "a b", "a;b", "a,b", "a=b", "a\r\nb", "é"])
func setCookieWithInvalidName_throws(name: String) {
    var response = HTTPResponse()
    #expect(throws: CookieError.invalidName(name)) { try response.setCookie(name: name, value: "v") }
    #expect(response.headers.count == 0)
}

@Test(arguments: ["a b", "a;b", "a,b", "a\"b", "a\\b", "x\r\nSet-Cookie: y=z", "\u{0}", "é"])
func setCookieWithInvalidValue_throws(value: String) {
    var response = HTTPResponse()
    #expect(throws: CookieError.invalidValue(value)) { try response.setCookie(name: "n", value: value) }
}

@Test func setCookieWithInjectedPath_throws() {
    var response = HTTPResponse()
    #expect(throws: CookieError.invalidPath("/; Domain=evil")) {
        try response.setCookie(name: "n", value: "v", path: "/; Domain=evil")
    }
}
