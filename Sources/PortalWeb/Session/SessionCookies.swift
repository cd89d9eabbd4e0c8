import HTTPServer

/// The two cookies of the portal. Over TLS they carry the `__Host-` prefix, which makes the
/// browser refuse them unless Secure, Path=/ and without Domain — so one town's cookie never
/// reaches a sibling subdomain. In development (plain http on *.localhost) Secure cannot be set.
/// Both are HttpOnly and SameSite=Lax.
struct SessionCookies: Sendable {
    let secure: Bool

    init(mode: ServerEnvironment.Mode) {
        secure = mode == .production
    }

    /// The signed-in session (family, staff or operator, depending on the host and the row).
    var sessionName: String { secure ? "__Host-pf_session" : "pf_session" }
    /// The double-submit token of anonymous forms (sign-in, sign-up, forgotten password).
    var formName: String { secure ? "__Host-pf_form" : "pf_form" }

    func setSession(_ token: String, on response: inout HTTPResponse) {
        set(sessionName, token, on: &response)
    }

    func clearSession(on response: inout HTTPResponse) {
        set(sessionName, "", maxAge: 0, on: &response)
    }

    /// Sign-out: the cookie goes, and so does what the browser kept of the signed-in pages.
    /// Not `"cookies"`: that clears the whole registrable domain, every other town included.
    func endSession(on response: inout HTTPResponse) {
        clearSession(on: &response)
        response.headers.set("Clear-Site-Data", "\"cache\", \"storage\"")
    }

    func setFormToken(_ token: String, on response: inout HTTPResponse) {
        set(formName, token, on: &response)
    }

    private func set(_ name: String, _ value: String, maxAge: Int? = nil, on response: inout HTTPResponse) {
        // Names and values here are ours (letters, hyphens, hex digits): they cannot be refused.
        try? response.setCookie(name: name, value: value, path: "/", maxAge: maxAge, httpOnly: true, secure: secure, sameSite: .lax)
    }
}
