import Testing
@testable import PortalCore
