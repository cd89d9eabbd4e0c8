/// `--name value` and `--flag` options of a subcommand; unknown names are an error.
struct Options {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ arguments: [String], valued: Set<String>, flags allowedFlags: Set<String> = []) throws(OptionError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--") else { throw OptionError(message: "argument inattendu : \(argument)") }
            let name = String(argument.dropFirst(2))
            if allowedFlags.contains(name) {
                flags.insert(name)
                index += 1
            } else if valued.contains(name) {
                guard index + 1 < arguments.count else { throw OptionError(message: "valeur manquante pour --\(name)") }
                values[name] = arguments[index + 1]
                index += 2
            } else {
                throw OptionError(message: "option inconnue : --\(name)")
            }
        }
    }

    func required(_ name: String) throws(OptionError) -> String {
        guard let value = values[name] else { throw OptionError(message: "option obligatoire manquante : --\(name)") }
        return value
    }

    func optional(_ name: String) -> String? { values[name] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
}

struct OptionError: Error {
    let message: String
}
