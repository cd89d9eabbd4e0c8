public import Foundation

/// Reads and validates tenant files. The server refuses to start on any error, so every error of
/// every file is returned at once.
public enum TenantConfigLoader {
    /// Decodes one file. `file` is how errors name it (`tenants/cayres-pradelles.json`); its base name
    /// without `.json` must equal the tenant's `id`.
    public static func decode(_ data: [UInt8], file: String) -> Result<TenantConfig, TenantConfigErrors> {
        let issues = ConfigIssues(file: file)
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            issues.report("", "invalid JSON at line \(error.line), column \(error.column): \(error.message)")
            return .failure(TenantConfigErrors(issues.errors))
        }
        let config = TenantConfig.decode(ConfigNode(path: "", value: root, issues: issues), fileID: fileID(of: file))
        if let config, issues.errors.isEmpty { return .success(config) }
        if issues.errors.isEmpty { issues.report("", "invalid tenant file") }
        return .failure(TenantConfigErrors(issues.errors))
    }

    public static func decode(_ data: Data, file: String) -> Result<TenantConfig, TenantConfigErrors> {
        decode([UInt8](data), file: file)
    }

    /// Loads every `*.json` of a directory (sorted by name) and checks what must be unique across
    /// tenants: id, schema, subdomain and extra domains.
    public static func loadDirectory(_ path: String) -> (tenants: [TenantConfig], errors: [TenantConfigError]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            return ([], [TenantConfigError(file: path, path: "", message: "cannot read the directory")])
        }
        let directory = path.hasSuffix("/") ? String(path.dropLast()) : path
        var files: [(file: String, data: [UInt8]?)] = []
        for name in names {
            let file = "\(directory)/\(name)"
            files.append((file, FileManager.default.contents(atPath: file).map { [UInt8]($0) }))
        }
        return check(files)
    }

    /// The directory check on contents already read: decodes each file then compares them.
    static func check(_ files: [(file: String, data: [UInt8]?)]) -> (tenants: [TenantConfig], errors: [TenantConfigError]) {
        var tenants: [(file: String, config: TenantConfig)] = []
        var errors: [TenantConfigError] = []
        for (file, data) in files {
            guard let data else {
                errors.append(TenantConfigError(file: file, path: "", message: "cannot read the file"))
                continue
            }
            switch decode(data, file: file) {
            case .success(let config): tenants.append((file, config))
            case .failure(let fileErrors): errors += fileErrors.errors
            }
        }
        errors += duplicates(tenants)
        return (tenants.map(\.config), errors)
    }

    private static func duplicates(_ tenants: [(file: String, config: TenantConfig)]) -> [TenantConfigError] {
        var errors: [TenantConfigError] = []
        func unique(_ what: String, _ path: (Int) -> String, _ values: (TenantConfig) -> [String]) {
            var owner: [String: String] = [:]
            for (file, config) in tenants {
                for (index, value) in values(config).enumerated() {
                    if let first = owner[value] {
                        errors.append(TenantConfigError(file: file, path: path(index), message: "\(what) \"\(value)\" is also used by \(first)"))
                    } else {
                        owner[value] = file
                    }
                }
            }
        }
        unique("id", { _ in "id" }) { [$0.id] }
        unique("schema", { _ in "schema" }) { [$0.schema] }
        unique("subdomain", { _ in "hosts.subdomain" }) { [$0.hosts.subdomain] }
        unique("domain", { "hosts.extraDomains[\($0)]" }) { $0.hosts.extraDomains }
        return errors
    }

    private static func fileID(of file: String) -> String? {
        guard let name = file.split(separator: "/").last, name.hasSuffix(".json") else { return nil }
        return String(name.dropLast(5))
    }
}
