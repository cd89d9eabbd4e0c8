import FoundationEssentials
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// Form pieces the shared `Forms` lacks (select, textarea, the attachment inputs), with the
/// same label, hint and error conventions, and the way a message and its files are shown.
enum MessageFormParts {
    static func select(_ name: String, label: String, placeholder: String, options: [(value: String, label: String)], selected: String,
                       errors: FieldErrors) -> Node {
        let id = Forms.fieldID(name)
        let messages = errors.messages(for: name)
        var attributes: [Attribute] = [.id(id), .name(name), .required]
        if !messages.isEmpty { attributes += [.aria("invalid", "true"), .aria("describedby", id + "-erreur")] }
        return .div([.class(messages.isEmpty ? "field" : "field has-error")], [
            .label([.for(id)], [.text(label)]),
            .when(!messages.isEmpty, .p([.class("field-error"), .id(id + "-erreur")], messages.map { .text($0 + " ") })),
            .el("select", attributes, [.el("option", [.value("")], [.text(placeholder)])] + options.map { option in
                .el("option", [.value(option.value)] + (option.value == selected ? [.selected] : []), [.text(option.label)])
            }),
        ])
    }

    static func textarea(_ name: String, label: String, value: String, hint: String? = nil, errors: FieldErrors) -> Node {
        let id = Forms.fieldID(name)
        let messages = errors.messages(for: name)
        var describedBy: [String] = []
        if hint != nil { describedBy.append(id + "-aide") }
        if !messages.isEmpty { describedBy.append(id + "-erreur") }
        var attributes: [Attribute] = [.id(id), .name(name), .required, Attribute("rows", "8"), Attribute("maxlength", "\(MessageDraft.maximumBody)")]
        if !describedBy.isEmpty { attributes.append(.aria("describedby", describedBy.joined(separator: " "))) }
        if !messages.isEmpty { attributes.append(.aria("invalid", "true")) }
        return .div([.class(messages.isEmpty ? "field" : "field has-error")], [
            .label([.for(id)], [.text(label)]),
            .when(hint != nil, .p([.class("hint"), .id(id + "-aide")], [.text(hint ?? "")])),
            .when(!messages.isEmpty, .p([.class("field-error"), .id(id + "-erreur")], messages.map { .text($0 + " ") })),
            .el("textarea", attributes, [.text(value)]),
        ])
    }

    static func attachmentInputs(maximumBytes: Int, errors: FieldErrors) -> Node {
        let hint = "PDF, JPEG ou PNG, \(AttachmentRules.megabytes(maximumBytes)) au plus. Une photo prise avec le téléphone convient."
        return .el("fieldset", [.class("attachments")], [
            .el("legend", [], ["Pièces jointes (facultatives, 3 au plus)"]),
            .fragment((1...AttachmentRules.maximumCount).map { position in
                Forms.field(AttachmentUpload.fieldName(position), label: position == 1 ? "1re pièce jointe" : "\(position)e pièce jointe",
                            type: "file", autocomplete: nil, hint: hint, errors: errors, required: false,
                            extra: Forms.documentFile(maximumBytes: maximumBytes))
            }),
        ])
    }

    /// The body as typed: one paragraph per blank-line block, line breaks kept, all text escaped.
    static func body(_ text: String) -> Node {
        .div([.class("message-body")], text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { paragraph in
            let lines = paragraph.components(separatedBy: "\n")
            return .p([], lines.enumerated().flatMap { index, line in index == 0 ? [Node.text(line)] : [.br, .text(line)] })
        })
    }

    static func attachmentLinks(_ attachments: [AttachmentInfo], path: (Int64) -> String) -> Node {
        .when(!attachments.isEmpty, .ul([.class("attachment-list"), .aria("label", "Pièces jointes")], attachments.map { attachment in
            .li([], [.a([.href(path(attachment.id)), Attribute("download", attachment.fileName)], [.text(attachment.fileName)]),
                     .text(" – \(ByteSize.french(attachment.size))")])
        }))
    }
}
