public import PortalCore
import PortalStore

/// The photo file sent with a child's form, checked by content and size. A refused file is a
/// field error like any other: the rest of the form is shown again as typed.
public struct PhotoUpload: Sendable {
    struct Photo: Sendable {
        let target: FieldTarget
        let reference: String
        let format: DocumentFormat
        let bytes: [UInt8]
    }

    private(set) var photo: Photo?
    private(set) var problem: (target: FieldTarget, message: String)?

    /// `file`: the bytes of the form's photo field, if one was sent; only an existing child
    /// (`recordID` given) takes a photo.
    public init(file: [UInt8]?, entity: DossierEntity, recordID: Int64?) {
        guard entity == .child, let recordID, let file else { return }
        let target = FieldTarget(.child, .existing(recordID), "photo")
        do throws(ChildPhoto.Problem) {
            if let format = try ChildPhoto.check(file) {
                photo = Photo(target: target, reference: ChildPhotoStore.newReference(), format: format, bytes: file)
            }
        } catch {
            problem = (target, error.frenchMessage)
        }
    }

    /// The submission's refusal with the photo's problem too, so that every error shows at once.
    func adding(to refusal: SubmissionRefusal) -> SubmissionRefusal {
        guard let problem else { return refusal }
        var problems = refusal.fieldProblems
        problems[problem.target] = problem.message
        return SubmissionRefusal(fieldProblems: problems, general: nil)
    }
}
