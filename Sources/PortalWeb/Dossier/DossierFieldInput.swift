import HTML
import PortalCore
import PortalFlows

/// One dossier field in a form: its label, the current value, what waits for validation
/// (highlighted), the control for its kind, and its errors.
enum DossierFieldInput {
    /// The value put back into the control: dates ISO for `<input type=date>`, phones and IBANs spaced.
    static func formValue(_ field: DossierField, _ canonical: String) -> String {
        switch field.kind {
        case .phone, .iban: field.display(canonical)
        default: canonical
        }
    }

    static func render(_ field: DossierField, value: String, pending: FieldChange?, errors: FieldErrors, editable: Bool = true) -> Node {
        let id = Forms.fieldID(field.key)
        let messages = errors.messages(for: field.key)
        var describedBy: [String] = []
        if pending != nil { describedBy.append(id + "-attente") }
        if !messages.isEmpty { describedBy.append(id + "-erreur") }
        var common: [Attribute] = [.id(id), .name(field.key)]
        if !describedBy.isEmpty { common.append(.aria("describedby", describedBy.joined(separator: " "))) }
        if !messages.isEmpty { common.append(.aria("invalid", "true")) }
        if field.isRequired { common.append(.required) }
        let control: Node = editable ? self.control(field, value: value, attributes: common)
            : .p([.class("readonly"), .id(id)], [.text(field.display(value).isEmpty ? "—" : field.display(value)), " ",
                                                  .span([.class("hint")], ["(renseigné par le service)"])])
        return .div([.class(messages.isEmpty ? "field" : "field has-error")], [
            .label([.for(id)], [.text(field.label), .when(!field.isRequired && editable, .span([.class("optional")], [" (facultatif)"]))]),
            .when(pending != nil, .p([.class("pending"), .id(id + "-attente")], [
                .strong([], ["En attente de validation : "]), .text(pending.map { field.display($0.newValue) }.map { $0.isEmpty ? "(vide)" : $0 } ?? ""),
            ])),
            .when(!messages.isEmpty, .p([.class("field-error"), .id(id + "-erreur")], messages.map { .text($0 + " ") })),
            control,
        ])
    }

    private static func control(_ field: DossierField, value: String, attributes: [Attribute]) -> Node {
        func input(_ type: String, _ extra: [Attribute] = []) -> Node {
            .input([.type(type)] + attributes + (value.isEmpty ? [] : [.value(value)]) + extra)
        }
        switch field.kind {
        case .text(let maxLength): return input("text", [Attribute("maxlength", String(maxLength))])
        case .multiline(let maxLength):
            return .el("textarea", attributes + [Attribute("rows", "3"), Attribute("maxlength", String(maxLength))], [.text(value)])
        case .phone: return input("tel", [.autocomplete("tel")])
        case .email: return input("email", [.autocomplete("email")])
        case .postcode: return input("text", [Attribute("inputmode", "numeric"), .autocomplete("postal-code")])
        case .iban, .bic: return input("text", [Attribute("spellcheck", "false"), .autocomplete("off")])
        case .pastDate: return input("date")
        case .yesNo:
            return select(attributes, value: value, choices: [FieldChoice(FieldKind.no, "Non"), FieldChoice(FieldKind.yes, "Oui")], blank: false)
        case .choice(let choices):
            return select(attributes, value: value, choices: choices, blank: true)
        case .photo:
            return .p([.class("hint")], [.text(value.isEmpty ? "Pas de photo." : "Photo enregistrée.")])
        }
    }

    private static func select(_ attributes: [Attribute], value: String, choices: [FieldChoice], blank: Bool) -> Node {
        var options: [Node] = blank ? [.el("option", [.value("")] + (value.isEmpty ? [.selected] : []), ["— Choisir —"])] : []
        options += choices.map { choice in
            .el("option", [.value(choice.value)] + (choice.value == value ? [.selected] : []), [.text(choice.label)])
        }
        return .el("select", attributes, options)
    }
}
