import Foundation
import PortalCore
import Testing

/// Dates are written out in tests as ISO strings; a typo must fail loudly, not skip a case.
func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// A shipped tenant of the repository's `tenants/`, decoded; fails the test when the file is invalid.
func shippedTenant(_ id: String) throws -> TenantConfig {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let file = url.appendingPathComponent("tenants/\(id).json").path
    let data = try #require(FileManager.default.contents(atPath: file))
    return try TenantConfigLoader.decode([UInt8](data), file: file).get()
}
