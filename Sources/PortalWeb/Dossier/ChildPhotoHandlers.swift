import HTTPServer
import PortalFlows
import PortalStore

/// Children's photos, to the family whose child it is and to staff only. A photo is named by
/// an unguessable reference and looked up within the family of the URL, which the family must
/// be subscribed to: another family's photo answers 404 whatever is guessed.
enum ChildPhotoHandlers {
    static func forFamily(_ context: RequestContext, familyID: Int64, reference: String) throws -> HTTPResponse {
        response(try MyDossier(town: context.town).photo(reference: reference, familyID: familyID, accountID: try context.family.id))
    }

    static func forStaff(_ context: RequestContext, familyID: Int64, reference: String) throws -> HTTPResponse {
        response(try StaffFamilyFiles(town: context.town).photo(reference: reference, familyID: familyID))
    }

    /// The bytes with the type detected at upload; never cached by a shared cache or sniffed.
    private static func response(_ photo: (contentType: String, bytes: [UInt8])) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, body: photo.bytes)
        response.headers.set("Content-Type", photo.contentType)
        response.headers.set("Content-Disposition", "inline")
        response.headers.set("Cache-Control", "private, no-store")
        response.headers.set("X-Content-Type-Options", "nosniff")
        return response
    }
}
