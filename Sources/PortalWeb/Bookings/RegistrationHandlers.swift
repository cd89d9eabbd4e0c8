import Foundation
import HTTPServer
import PortalCore
import PortalFlows
import PortalStore

/// « Inscriptions »: the list, and pré-inscription requests (`RequestPreRegistration`).
enum RegistrationHandlers {
    static func list(_ context: RequestContext) throws -> HTTPResponse {
        try BookingSupport.requireTab(context, .inscriptions)
        guard let (family, registrations) = try RegistrationsPage(town: context.town).load(accountID: try context.family.id,
                                                                                           family: BookingSupport.askedFamily(context))
        else { return BookingSupport.noFamily(context.chrome, tab: .inscriptions) }
        return .html(RegistrationViews.list(context.chrome, family: family, registrations: registrations, today: BookingSupport.today(context),
                                            message: context.request.queryValue("message")))
    }

    static func form(_ context: RequestContext) throws -> HTTPResponse {
        try BookingSupport.requireTab(context, .inscriptions)
        guard let family = try BookingFamilyLookup(town: context.town).load(accountID: try context.family.id, family: BookingSupport.askedFamily(context))
        else { return BookingSupport.noFamily(context.chrome, tab: .inscriptions) }
        var values = PreRegistrationForm()
        values.activity = context.request.queryValue("activite") ?? ""
        return .html(RegistrationViews.form(context.chrome, family: family, values: values, errors: FieldErrors(), today: BookingSupport.today(context)))
    }

    static func create(_ context: RequestContext) throws -> HTTPResponse {
        try BookingSupport.requireTab(context, .inscriptions)
        let account = try context.family
        var values = PreRegistrationForm()
        values.activity = context.form.text("activite")
        values.children = context.formValues("enfant").compactMap { Int64($0) }
        values.period = context.form.text("periode")
        values.unit = context.form.text("unite")
        values.weekdays = context.formValues("jour").compactMap { Int($0) }.filter { (1...7).contains($0) }
        values.from = context.form.text("du")
        values.to = context.form.text("au")
        switch try RequestPreRegistration(town: context.town).run(accountID: account.id, family: BookingSupport.askedFamily(context),
                                                                  form: values, now: context.now) {
        case .requested(let family):
            return .redirect(to: BookingPaths.registrations(family: family) + "&message=preinscription")
        case let .invalid(family, values, problems):
            var errors = FieldErrors()
            for problem in problems { errors.add(problem.field, problem.message) }
            return .html(RegistrationViews.form(context.chrome, family: family, values: values, errors: errors, today: BookingSupport.today(context)),
                         status: .unprocessableContent)
        }
    }
}
