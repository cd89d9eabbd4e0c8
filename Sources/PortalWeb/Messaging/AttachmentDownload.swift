import HTTPServer
import PortalFlows
import PortalStore

/// A piece jointe, only to the family of its thread or to the town's staff: always as a
/// download with the type detected at upload, never rendered in the page.
enum AttachmentDownload {
    static func respond(_ context: RequestContext, id: Int64, accountID: Int64?) throws -> HTTPResponse {
        let (info, bytes) = try MessageAttachmentFile(town: context.town).content(id, accountID: accountID)
        var response = HTTPResponse(status: .ok, body: bytes)
        response.headers.set("Content-Type", info.contentType)
        response.headers.set("Content-Disposition", "attachment; filename=\"\(info.fileName)\"")
        response.headers.set("X-Content-Type-Options", "nosniff")
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}
