import Testing
@testable import HTTPServer

private func request(contentType: String?, body: String) throws -> HTTPRequest {
    var headers = HTTPHeaders()
    if let contentType { headers.add("Content-Type", contentType) }
    return try HTTPRequest(method: "POST", target: "/envoi", headers: headers, body: Array(body.utf8))
}

@Test func urlencodedForm_decodesPlusPercentAndRepeats() throws {
    let form = try request(contentType: "application/x-www-form-urlencoded; charset=UTF-8",
                           body: "nom=L%C3%A9a+Martin&jours=lundi&jours=mardi&vide=&seul")
    #expect(form.formFields() == ["nom": ["Léa Martin"], "jours": ["lundi", "mardi"], "vide": [""], "seul": [""]])
    #expect(form.formValue("jours") == "lundi")
    #expect(form.formValue("absent") == nil)
}

@Test(arguments: [
    ("a=%zz&b=%4", ["a": ["%zz"], "b": ["%4"]]),
    ("=sansnom&&x=1", ["x": ["1"]]),
    ("c=%FF", ["c": ["\u{FFFD}"]]),
])
func malformedUrlencodedForm_isDecodedLeniently(body: String, expected: [String: [String]]) throws {
    #expect(try request(contentType: "application/x-www-form-urlencoded", body: body).formFields() == expected)
}

@Test func formFieldsOfAnotherMediaType_areEmpty() throws {
    #expect(try request(contentType: "text/plain", body: "a=b").formFields().isEmpty)
    #expect(try request(contentType: nil, body: "a=b").formFields().isEmpty)
}

private let boundary = "----Limite42"
private func multipart(_ parts: String, contentType: String = "multipart/form-data; boundary=\"----Limite42\"") throws -> HTTPRequest {
    try request(contentType: contentType, body: parts)
}

@Test func multipartForm_yieldsFieldsAndFiles() throws {
    let body = "preamble\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"nom\"\r\n\r\nLéa\r\n"
        + "--\(boundary)\r\nContent-Disposition: form-data; name=\"justificatif\"; filename=\"facture; mai.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n\r\nfin\r\n"
        + "--\(boundary)--\r\nepilogue"
    let parts = try multipart(body).multipartParts()
    #expect(parts == [
        MultipartPart(name: "nom", body: Array("Léa".utf8)),
        MultipartPart(name: "justificatif", filename: "facture; mai.pdf", contentType: "application/pdf", body: Array("%PDF-1.4\r\n\r\nfin".utf8)),
    ])
}

@Test(arguments: [
    ("no closing delimiter", "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvaleur"),
    ("no delimiter at all", "juste du texte"),
    ("header without colon", "--\(boundary)\r\nContent-Disposition form-data\r\n\r\nx\r\n--\(boundary)--"),
    ("no content disposition", "--\(boundary)\r\nContent-Type: text/plain\r\n\r\nx\r\n--\(boundary)--"),
    ("garbage after delimiter", "--\(boundary)xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--\(boundary)--"),
])
func malformedMultipart_isRefused(name: String, body: String) throws {
    #expect(throws: MultipartError.self) { try multipart(body).multipartParts() }
}

@Test func multipartWithoutBoundary_isRefused() throws {
    #expect(throws: MultipartError.missingBoundary) {
        try multipart("--x--", contentType: "multipart/form-data").multipartParts()
    }
    #expect(throws: MultipartError.notMultipart) {
        try request(contentType: "text/plain", body: "").multipartParts()
    }
}

@Test func multipartOverThePartLimit_isRefused() throws {
    let part = "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n"
    let body = String(repeating: part, count: 3) + "--\(boundary)--"
    #expect(try multipart(body).multipartParts(limits: MultipartLimits(maxParts: 3)).count == 3)
    #expect(throws: MultipartError.tooManyParts) {
        try multipart(body).multipartParts(limits: MultipartLimits(maxParts: 2))
    }
}

@Test func multipartPartHeadersOverTheLimit_areRefused() throws {
    let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: \(String(repeating: "l", count: 200))\r\n\r\nx\r\n--\(boundary)--"
    #expect(throws: MultipartError.partHeadersTooLarge) {
        try multipart(body).multipartParts(limits: MultipartLimits(maxPartHeaderBytes: 100))
    }
}
