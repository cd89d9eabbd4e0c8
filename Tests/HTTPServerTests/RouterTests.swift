import Testing
@testable import HTTPServer

private func sampleRouter() -> Router<String> {
    var router = Router<String>()
    router.add("GET", "/", "accueil")
    router.add("GET", "/familles/:id", "famille")
    router.add("GET", "/familles/nouvelle", "nouvelle")
    router.add("POST", "/familles/:id", "modifier")
    router.add("GET", "/familles/:id/enfants/:childID", "enfant")
    router.add("GET", "/static/*rest", "fichier")
    router.add("DELETE", "/sessions", "deconnexion")
    return router
}

@Test func parametersAreBoundByName() {
    guard case .found(let handler, let parameters) = sampleRouter().match(method: "GET", path: "/familles/42/enfants/7") else {
        Issue.record("no match")
        return
    }
    #expect(handler == "enfant")
    #expect(parameters == ["id": "42", "childID": "7"])
}

@Test func literalSegmentBeatsParameter() {
    guard case .found(let handler, let parameters) = sampleRouter().match(method: "GET", path: "/familles/nouvelle") else {
        Issue.record("no match")
        return
    }
    #expect(handler == "nouvelle")
    #expect(parameters.isEmpty)
}

@Test(arguments: ["/inconnu", "/familles", "/familles/42/enfants", "/familles//", "/familles/42/x"])
func unknownPath_isNotFound(path: String) {
    guard case .notFound = sampleRouter().match(method: "GET", path: path) else {
        Issue.record("expected notFound for \(path)")
        return
    }
}

@Test func knownPathWithOtherMethod_isMethodNotAllowedWithAllow() {
    guard case .methodNotAllowed(let allowed) = sampleRouter().match(method: "PUT", path: "/familles/3") else {
        Issue.record("expected 405")
        return
    }
    #expect(allowed == ["GET", "HEAD", "POST"])
}

@Test func headMatchesGetRoute() {
    guard case .found(let handler, let parameters) = sampleRouter().match(method: "HEAD", path: "/familles/9") else {
        Issue.record("no match")
        return
    }
    #expect(handler == "famille")
    #expect(parameters == ["id": "9"])
}

@Test func explicitHeadRouteWinsOverGet() {
    var router = sampleRouter()
    router.add("HEAD", "/familles/:id", "tete")
    guard case .found(let handler, _) = router.match(method: "HEAD", path: "/familles/9") else {
        Issue.record("no match")
        return
    }
    #expect(handler == "tete")
}

@Test(arguments: [("/static/css/site.css", "css/site.css"), ("/static/", ""), ("/static", "")])
func wildcardTakesTheRestOfThePath(path: String, rest: String) {
    guard case .found(let handler, let parameters) = sampleRouter().match(method: "GET", path: path) else {
        Issue.record("no match for \(path)")
        return
    }
    #expect(handler == "fichier")
    #expect(parameters["rest"] == rest)
}

@Test func routesListEveryRegistration() {
    let routes = sampleRouter().routes
    #expect(routes.count == 7)
    #expect(routes.contains { $0.method == "DELETE" && $0.pattern == "/sessions" })
    #expect(routes.first?.pattern == "/")
}
