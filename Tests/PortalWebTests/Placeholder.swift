import Testing
@testable import PortalWeb
