extension HTTPRequest {
    /// Fields of an application/x-www-form-urlencoded body, each name with its values in order.
    /// Empty when the body has another media type.
    public func formFields() -> [String: [String]] {
        guard let contentType = headers["content-type"],
              MediaType(contentType).matches("application/x-www-form-urlencoded")
        else { return [:] }
        var fields: [String: [String]] = [:]
        for (name, value) in FormURLEncoding.decode(body[...]) where !name.isEmpty {
            fields[name, default: []].append(value)
        }
        return fields
    }

    /// The first value of the form field `name`.
    public func formValue(_ name: String) -> String? {
        formFields()[name]?.first
    }
}
