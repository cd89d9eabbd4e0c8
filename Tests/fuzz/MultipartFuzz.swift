// libFuzzer harness for the multipart/form-data parser, through its public entry point.
// The input's first line is the Content-Type header value, the rest is the body, so the
// fuzzer mutates the boundary parameter and the parts together.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipart(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    let newline = bytes.firstIndex(of: 10) ?? bytes.count
    let contentType = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = newline < bytes.count ? Array(bytes[(newline + 1)...]) : []
    guard let request = try? HTTPRequest(method: "POST", target: "/upload",
                                         headers: HTTPHeaders([("Content-Type", contentType)]), body: body)
    else { return 0 }
    let limits = MultipartLimits(maxParts: 8, maxPartHeaderBytes: 256)
    guard let parts = try? request.multipartParts(limits: limits) else { return 0 }
    precondition(parts.count <= limits.maxParts)
    // Every part's content is a piece of the body, never more than the body held.
    precondition(parts.reduce(0) { $0 + $1.body.count } <= body.count)
    return 0
}
