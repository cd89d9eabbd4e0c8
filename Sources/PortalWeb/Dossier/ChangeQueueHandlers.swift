import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// One dossier change request on its own page: staff accept or refuse each field, or the whole
/// request, with a reason (`DecideDossierChange`).
enum ChangeQueueHandlers {
    static func show(_ context: RequestContext, requestID: Int64) throws -> HTTPResponse {
        let staff = try context.staff
        let (request, dossier) = try DossierChangeReview(town: context.town).load(requestID: requestID, staff: staff, ip: context.clientAddress, now: context.now)
        return .html(StaffDossierViews.request(context.staffChrome, request, dossier: dossier, role: staff.role, notice: context.request.queryValue("ok"), problem: nil))
    }

    /// Form: `tout` = accepter | refuser with `motif`, or per change `d<position>` = accepter |
    /// refuser with `motif<position>`, and `confirme<position>` to accept a stale change.
    static func decide(_ context: RequestContext, requestID: Int64) throws -> HTTPResponse {
        let staff = try context.staff
        switch try DecideDossierChange(town: context.town).run(requestID: requestID, answers: answers(context.form), staff: staff,
                                                               ip: context.clientAddress, now: context.now) {
        case .decided:
            return .redirect(to: StaffDossierPaths.queue + "?ok=decision")
        case .problem(let request, let dossier, let message):
            return .html(StaffDossierViews.request(context.staffChrome, request, dossier: dossier, role: staff.role, notice: context.request.queryValue("ok"),
                                                   problem: message),
                         status: .unprocessableContent)
        }
    }

    private static func answers(_ form: FormData) -> DossierChangeAnswers {
        var answers = DossierChangeAnswers(whole: form.text("tout"), reason: form.text("motif"))
        for name in form.fields.keys {
            if let position = position(name, after: "d") { answers.choices[position] = form.text(name) }
            if let position = position(name, after: "motif") { answers.reasons[position] = form.text(name) }
            if let position = position(name, after: "confirme"), form.text(name) == "oui" { answers.confirmed.insert(position) }
        }
        return answers
    }

    /// The position a field name such as `d3` carries, written as the page writes it.
    private static func position(_ name: String, after prefix: String) -> Int? {
        guard name.hasPrefix(prefix), let position = Int(name.dropFirst(prefix.count)), String(position) == name.dropFirst(prefix.count) else { return nil }
        return position
    }
}
