import HTML
import PortalCore
import PortalFlows

/// Building blocks of every server-rendered form: a label per field, the hint before the first
/// try, the field's errors next to it (linked with aria-describedby) and summarised at the top,
/// the CSRF token, and the anti-robot fields of anonymous forms.
enum Forms {
    static func form(action: String, csrf: String, multipart: Bool = false, label: String? = nil, _ content: [Node]) -> Node {
        var attributes: [Attribute] = [.method("post"), .action(action), .class("form")]
        if multipart { attributes.append(Attribute("enctype", "multipart/form-data")) }
        if let label { attributes.append(.aria("label", label)) }
        return .form(attributes, [csrfField(csrf)] + content)
    }

    static func csrfField(_ token: String) -> Node {
        hidden(CSRFGuard.fieldName, token)
    }

    static func hidden(_ name: String, _ value: String) -> Node {
        .input([.type("hidden"), .name(name), .value(value)])
    }

    static func fieldID(_ name: String) -> String { "champ-" + name }

    /// Shown when the form comes back with errors; links take the keyboard to each field.
    static func errorSummary(_ errors: FieldErrors) -> Node {
        .when(!errors.isEmpty, .div([.class("error-summary"), .role("alert"), .aria("labelledby", "erreurs-titre")], [
            .h2([.id("erreurs-titre")], [.text(errors.items.count == 1 ? "Le formulaire contient une erreur" : "Le formulaire contient \(errors.items.count) erreurs")]),
            .ul([], errors.items.map { item in
                .li([], [.a([.href("#" + fieldID(item.field))], [.text(item.message)])])
            }),
        ]))
    }

    static func field(_ name: String, label: String, type: String = "text", value: String = "", autocomplete: String?,
                      hint: String? = nil, errors: FieldErrors, required: Bool = true, extra: [Attribute] = []) -> Node {
        let id = fieldID(name)
        let messages = errors.messages(for: name)
        var describedBy: [String] = []
        if hint != nil { describedBy.append(id + "-aide") }
        if !messages.isEmpty { describedBy.append(id + "-erreur") }
        var attributes: [Attribute] = [.type(type), .id(id), .name(name)]
        if !value.isEmpty { attributes.append(.value(value)) }
        if let autocomplete { attributes.append(.autocomplete(autocomplete)) }
        if required { attributes.append(.required) }
        if !describedBy.isEmpty { attributes.append(.aria("describedby", describedBy.joined(separator: " "))) }
        if !messages.isEmpty { attributes.append(.aria("invalid", "true")) }
        return .div([.class(messages.isEmpty ? "field" : "field has-error")], [
            .label([.for(id)], [.text(label), .when(!required, .span([.class("optional")], [" (facultatif)"]))]),
            .when(hint != nil, .p([.class("hint"), .id(id + "-aide")], [.text(hint ?? "")])),
            .when(!messages.isEmpty, .p([.class("field-error"), .id(id + "-erreur")], messages.map { .text($0 + " ") })),
            .input(attributes + extra),
        ])
    }

    /// A new password: the town's rule as its hint, and again as data for the strength that
    /// `PasswordScript` tells while typing.
    static func newPassword(_ name: String, label: String, policy: PasswordPolicy, errors: FieldErrors) -> Node {
        field(name, label: label, type: "password", autocomplete: "new-password", hint: policy.frenchRule, errors: errors, extra: [
            Attribute("data-entropie-min", "\(policy.minEntropyBits)"), Attribute("data-longueur-min", "\(policy.minLength)"),
            Attribute("data-classes", policy.requiredClasses.map(\.rawValue).joined(separator: " ")),
        ])
    }

    /// A file field's attributes for a PDF, JPEG or PNG of at most `maximumBytes`: what the
    /// server accepts (`DocumentProblem.check`), offered by the picker and its size checked in
    /// the browser (`UploadSizeCheck`).
    static func documentFile(maximumBytes: Int) -> [Attribute] {
        [Attribute("accept", ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"), Attribute(UploadSizeCheck.attribute, String(maximumBytes))]
    }

    static func checkbox(_ name: String, label: [Node], checked: Bool, errors: FieldErrors) -> Node {
        let id = fieldID(name)
        let messages = errors.messages(for: name)
        var attributes: [Attribute] = [.type("checkbox"), .id(id), .name(name), .value("oui"), .required]
        if checked { attributes.append(.checked) }
        if !messages.isEmpty { attributes += [.aria("invalid", "true"), .aria("describedby", id + "-erreur")] }
        return .div([.class(messages.isEmpty ? "field checkbox" : "field checkbox has-error")], [
            .when(!messages.isEmpty, .p([.class("field-error"), .id(id + "-erreur")], messages.map { .text($0 + " ") })),
            .input(attributes),
            .label([.for(id)], label),
        ])
    }

    static func submit(_ label: String, secondary: Bool = false) -> Node {
        .button([.type("submit"), .class(secondary ? "button secondary" : "button")], [.text(label)])
    }

    /// A field people never see or reach: only robots fill it in.
    static let honeypotName = "site_web"

    static func honeypot() -> Node {
        .div([.class("hp"), .aria("hidden", "true")], [
            .label([.for("champ-site-web")], ["Ne pas remplir ce champ"]),
            .input([.type("text"), .id("champ-site-web"), .name(honeypotName), Attribute("tabindex", "-1"), .autocomplete("off")]),
        ])
    }

    /// The signed instant the anonymous form was shown (see `FormStamps`).
    static let stampName = "horodatage"

    static func notice(_ text: String, kind: String = "success") -> Node {
        .div([.class("flash \(kind)"), .role(kind == "success" ? "status" : "alert")], [.p([], [.text(text)])])
    }
}
