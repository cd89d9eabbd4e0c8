import Testing
@testable import PortalStore
