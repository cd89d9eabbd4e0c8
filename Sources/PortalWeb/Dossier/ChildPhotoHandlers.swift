import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// Children's photos, to the family whose child it is and to staff only. A photo is named by
/// an unguessable reference and looked up within the family of the URL, which the family must
/// be subscribed to: another family's photo answers 404 whatever is guessed.
enum ChildPhotoHandlers {
    static func forFamily(_ context: RequestContext) throws -> HTTPResponse {
        let photo = try context.transaction { connection in
            let dossier = try FamilyDossierHandlers.ownFile(context, in: connection)
            return try ChildPhotoStore.content(reference: context.parameters["photo"] ?? "", familyID: dossier.familyID, in: connection)
        }
        return try response(photo)
    }

    static func forStaff(_ context: RequestContext) throws -> HTTPResponse {
        let familyID = try StaffDossierHandlers.familyID(context)
        let photo = try context.transaction {
            try ChildPhotoStore.content(reference: context.parameters["photo"] ?? "", familyID: familyID, in: $0)
        }
        return try response(photo)
    }

    /// The bytes with the type detected at upload; never cached by a shared cache or sniffed.
    private static func response(_ photo: (contentType: String, bytes: [UInt8])?) throws -> HTTPResponse {
        guard let photo else { throw RouteError.notFound }
        var response = HTTPResponse(status: .ok, body: photo.bytes)
        response.headers.set("Content-Type", photo.contentType)
        response.headers.set("Content-Disposition", "inline")
        response.headers.set("Cache-Control", "private, no-store")
        response.headers.set("X-Content-Type-Options", "nosniff")
        return response
    }
}
