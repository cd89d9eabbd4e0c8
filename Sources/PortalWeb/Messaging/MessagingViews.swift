import HTML
import PortalCore
import PortalFlows
import PortalStore

/// The family's Messagerie pages: received and sent messages, « Envoyer un message », a thread.
enum MessagingViews {
    private static func page(_ chrome: PageChrome, title: String, current: String?, counts: MessageCounts?, content: [Node]) -> Node {
        let links: [(String, String)] = [
            (MessagingPaths.received, "Messages reçus" + (counts.map { $0.unread > 0 ? " (\($0.unread) non lu\($0.unread > 1 ? "s" : ""))" : " (\($0.received))" } ?? "")),
            (MessagingPaths.sent, "Messages envoyés" + (counts.map { " (\($0.sent))" } ?? "")),
            (MessagingPaths.compose, "Envoyer un message"),
        ]
        return Layout.page(chrome, title: title, currentTab: .messagerie, content: [
            .nav([.class("space-nav"), .aria("label", "Messagerie")], [
                .ul([], links.map { link in
                    .li([], [.a([.href(link.0)] + (link.0 == current ? [.aria("current", "page")] : []), [.text(link.1)])])
                }),
            ]),
        ] + content)
    }

    static func listing(_ chrome: PageChrome, author: MessageAuthor, messages: [MessageListing], counts: MessageCounts) -> Node {
        let received = author == .staff
        let title = received ? "Messages reçus" : "Messages envoyés"
        let config = chrome.tenant.messaging
        return page(chrome, title: title, current: received ? MessagingPaths.received : MessagingPaths.sent, counts: counts, content: [
            .h1([], [.span([.class("kicker")], ["Messagerie"]), .text(title)]),
            .when(received, .p([], [.text(counts.unread == 0 ? "Vous n'avez aucun message non lu."
                                          : "Vous avez \(counts.unread) message\(counts.unread > 1 ? "s" : "") non lu\(counts.unread > 1 ? "s" : "").")])),
            messages.isEmpty
                ? .p([], [.text(received ? "Aucun message reçu pour l'instant." : "Aucun message envoyé pour l'instant."),
                          " ", .a([.href(MessagingPaths.compose)], ["Écrire à un service"])])
                : .ul([.class("message-list")], messages.map { message in
                    .li([.class(message.isUnread ? "unread" : "read")], [
                        .a([.href(MessagingPaths.thread(message.threadID))], [
                            .when(message.isUnread, .strong([.class("tag")], ["Non lu "])),
                            .text(message.subject),
                        ]),
                        .p([.class("meta")], [.text("\(config.label(of: message.serviceCode)) – \(FrenchDateFormat.shortWithTime(message.createdAt))"
                                                    + (message.attachmentCount > 0 ? " – \(message.attachmentCount) pièce\(message.attachmentCount > 1 ? "s" : "") jointe\(message.attachmentCount > 1 ? "s" : "")" : ""))]),
                    ])
                }),
        ])
    }

    static func compose(_ chrome: PageChrome, draft: MessageDraft, errors: FieldErrors) -> Node {
        let config = chrome.tenant.messaging
        return page(chrome, title: "Envoyer un message", current: MessagingPaths.compose, counts: nil, content: [
            .h1([], [.span([.class("kicker")], ["Messagerie"]), "Nous envoyer un message"]),
            Forms.errorSummary(errors),
            .p([], ["Tous les champs sont obligatoires, sauf les pièces jointes. Une confirmation vous est envoyée par e-mail."]),
            Forms.form(action: MessagingPaths.compose, csrf: chrome.csrf, multipart: true, label: "Nous envoyer un message", [
                MessageFormParts.select("service", label: "Service", placeholder: "— Choisissez un service —",
                                        options: config.services.map { ($0.code, $0.label) }, selected: draft.serviceCode, errors: errors),
                MessageFormParts.select("theme", label: "Thème", placeholder: "— Choisissez un thème —",
                                        options: config.themes.map { ($0, $0) }, selected: draft.theme, errors: errors),
                Forms.field("objet", label: "Objet", value: draft.subject, autocomplete: "off", errors: errors,
                            extra: [Attribute("maxlength", "\(MessageDraft.maximumSubject)")]),
                MessageFormParts.textarea("message", label: "Message", value: draft.body,
                                          hint: "Précisez votre situation ou votre demande ; si votre adresse électronique a changé, indiquez la nouvelle ici.",
                                          errors: errors),
                MessageFormParts.attachmentInputs(maximumBytes: AttachmentRules.limit(for: config), errors: errors),
                Forms.submit("Envoyer"),
            ]),
        ])
    }

    /// `notice`: the code of the `ok` query after a redirect.
    static func thread(_ chrome: PageChrome, thread: MessageThread, messages: [ThreadMessage], notice: String?, draftBody: String, errors: FieldErrors) -> Node {
        let config = chrome.tenant.messaging
        return page(chrome, title: thread.subject, current: nil, counts: nil, content: [
            .h1([], [.span([.class("kicker")], [.text(config.label(of: thread.serviceCode))]), .text(thread.subject)]),
            MessagingNotices.banner(notice),
            Forms.errorSummary(errors),
            .p([.class("meta")], [.text("Thème : \(thread.theme) – \(thread.status.frenchLabel)")]),
            .fragment(messages.map { message in
                .el("article", [.class(message.author == .family ? "message mine" : "message theirs"), .aria("label", message.author == .family ? "Votre message" : "Réponse du service")], [
                    .p([.class("meta")], [
                        .strong([], [.text(message.author == .family ? "Vous" : "\(config.label(of: thread.serviceCode))" + (message.staffName.map { " (\($0))" } ?? ""))]),
                        .text(" – "),
                        .el("time", [Attribute("datetime", ParisTime.iso8601(message.createdAt))], [.text(FrenchDateFormat.shortWithTime(message.createdAt))]),
                    ]),
                    MessageFormParts.body(message.body),
                    MessageFormParts.attachmentLinks(message.attachments, path: { MessagingPaths.attachment($0) }),
                ])
            }),
            .section([.aria("labelledby", "repondre-titre")], [
                .h2([.id("repondre-titre")], ["Répondre"]),
                .when(thread.status == .closed, .p([.class("hint")], ["Cette conversation est clôturée ; votre réponse la rouvrira."])),
                Forms.form(action: MessagingPaths.thread(thread.id), csrf: chrome.csrf, multipart: true, label: "Répondre", [
                    MessageFormParts.textarea("message", label: "Votre réponse", value: draftBody, errors: errors),
                    MessageFormParts.attachmentInputs(maximumBytes: AttachmentRules.limit(for: config), errors: errors),
                    Forms.submit("Envoyer"),
                ]),
            ]),
        ])
    }
}

/// Notices after a redirect in the Messagerie, named by a fixed code.
enum MessagingNotices {
    static func text(_ code: String?) -> String? {
        switch code {
        case "message-envoye": "Votre message a bien été envoyé. Une confirmation vous a été adressée par e-mail."
        case "reponse-envoyee": "La réponse a été envoyée ; la famille est prévenue par e-mail."
        case "attribuee": "L'attribution de la conversation a été enregistrée."
        case "cloturee": "La conversation est clôturée."
        case "rouverte": "La conversation est rouverte."
        default: nil
        }
    }

    static func banner(_ code: String?) -> Node {
        guard let text = text(code) else { return .fragment([]) }
        return Forms.notice(text)
    }
}
