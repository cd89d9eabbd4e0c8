import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// The photo file sent with a child's form, checked by content and size. A refused file is a
/// field error like any other: the rest of the form is shown again as typed.
struct PhotoUpload {
    struct Photo {
        let target: FieldTarget
        let reference: String
        let format: DocumentFormat
        let bytes: [UInt8]
    }

    private(set) var photo: Photo?
    private(set) var problem: (target: FieldTarget, message: String)?

    init(_ context: RequestContext, entity: DossierEntity, record: RecordRef) {
        guard entity == .child, case .existing = record, let file = context.form.file("photo") else { return }
        let target = FieldTarget(.child, record, "photo")
        do throws(ChildPhoto.Problem) {
            if let format = try ChildPhoto.check(file.body) {
                photo = Photo(target: target, reference: ChildPhotoStore.newReference(), format: format, bytes: file.body)
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
