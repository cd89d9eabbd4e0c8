import Foundation
import HTML
import PortalCore
import PortalFlows
import PortalStore

/// The staff side of the Messagerie: one inbox per service of the tenant file.
enum StaffMessagingViews {
    enum Filter: String, CaseIterable {
        case open = "ouvertes", closed = "cloturees", all = "toutes"

        var status: ThreadStatus? {
            switch self {
            case .open: .open
            case .closed: .closed
            case .all: nil
            }
        }

        var label: String {
            switch self {
            case .open: "En cours"
            case .closed: "Clôturées"
            case .all: "Toutes"
            }
        }
    }

    static func home(_ frame: StaffChrome, counters: [ServiceInboxCounters], now: Date) -> Node {
        StaffViews.page(frame, title: "Messagerie", content: [
            .h1([], [.span([.class("kicker")], ["Espace de gestion"]), "Messagerie des familles"]),
            .div([.class("table-wrap")], [.el("table", [], [
                .el("caption", [.class("visually-hidden")], ["Boîtes de réception par service"]),
                .el("thead", [], [.el("tr", [], ["Service", "Conversations en cours", "Messages non lus", "En attente de réponse", "Attente la plus longue"]
                    .map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                .el("tbody", [], frame.chrome.tenant.messaging.services.map { service in
                    let counter = counters.first { $0.serviceCode == service.code }
                    return .el("tr", [], [
                        .el("th", [Attribute("scope", "row")], [.a([.href(MessagingPaths.staffService(service.code))], [.text(service.label)])]),
                        .el("td", [], [.text("\(counter?.openThreads ?? 0)")]),
                        .el("td", [], [.text("\(counter?.unreadMessages ?? 0)")]),
                        .el("td", [], [.text("\(counter?.awaitingReply ?? 0)")]),
                        .el("td", [], [.text(counter?.oldestAwaiting.map { WaitingTime.french(from: $0, to: now) } ?? "–")]),
                    ])
                }),
            ])]),
        ])
    }

    static func service(_ frame: StaffChrome, service: MessagingService, filter: Filter, threads: [MessageThread], now: Date) -> Node {
        StaffViews.page(frame, title: service.label, content: [
            .h1([], [.span([.class("kicker")], ["Messagerie"]), .text(service.label)]),
            .p([], [.a([.href(MessagingPaths.staffHome)], ["Tous les services"])]),
            .nav([.class("space-nav"), .aria("label", "Filtrer les conversations")], [
                .ul([], Filter.allCases.map { option in
                    .li([], [.a([.href(MessagingPaths.staffService(service.code) + "?statut=" + option.rawValue)] + (option == filter ? [.aria("current", "page")] : []),
                                [.text(option.label)])])
                }),
            ]),
            threads.isEmpty ? .p([], ["Aucune conversation."]) : .div([.class("table-wrap")], [.el("table", [], [
                .el("caption", [.class("visually-hidden")], [.text("Conversations du service \(service.label)")]),
                .el("thead", [], [.el("tr", [], ["Objet", "Famille", "Thème", "Non lus", "En attente depuis", "Attribuée à", "État"]
                    .map { .el("th", [Attribute("scope", "col")], [.text($0)]) })]),
                .el("tbody", [], threads.map { thread in
                    .el("tr", [.class(thread.unread > 0 ? "unread" : "read")], [
                        .el("th", [Attribute("scope", "row")], [.a([.href(MessagingPaths.staffThread(thread.id))], [.text(thread.subject)])]),
                        .el("td", [], [.text(thread.familyName)]),
                        .el("td", [], [.text(thread.theme)]),
                        .el("td", [], [.text("\(thread.unread)")]),
                        .el("td", [], [.text(thread.awaitingReplySince.map { WaitingTime.french(from: $0, to: now) } ?? "–")]),
                        .el("td", [], [.text(thread.assignedName ?? "Personne")]),
                        .el("td", [], [.text(thread.status.frenchLabel)]),
                    ])
                }),
            ])]),
        ])
    }

    /// `notice`: the code of the `ok` query after a redirect.
    static func thread(_ frame: StaffChrome, thread: MessageThread, messages: [ThreadMessage], team: [StaffAccount], now: Date,
                       notice: String?, draftBody: String, errors: FieldErrors) -> Node {
        let serviceLabel = frame.chrome.tenant.messaging.label(of: thread.serviceCode)
        return StaffViews.page(frame, title: thread.subject, content: [
            .h1([], [.span([.class("kicker")], [.text(serviceLabel)]), .text(thread.subject)]),
            .p([], [.a([.href(MessagingPaths.staffService(thread.serviceCode))], [.text("Retour à la boîte « \(serviceLabel) »")])]),
            MessagingNotices.banner(notice),
            Forms.errorSummary(errors),
            .ul([.class("plain-list meta")], [
                .li([], [.text("Famille : \(thread.familyName) <\(thread.familyEmail)>")]),
                .li([], [.text("Thème : \(thread.theme)")]),
                .li([], [.text("État : \(thread.status.frenchLabel)")]),
                .li([], [.text("En attente de réponse : " + (thread.awaitingReplySince.map { "depuis " + WaitingTime.french(from: $0, to: now) } ?? "non"))]),
            ]),
            .fragment(messages.map { message in
                .el("article", [.class(message.author == .family ? "message theirs" : "message mine"), .aria("label", message.author == .family ? "Message de la famille" : "Réponse du service")], [
                    .p([.class("meta")], [
                        .strong([], [.text(message.author == .family ? thread.familyName : (message.staffName ?? "Service"))]),
                        .text(" – "),
                        .el("time", [Attribute("datetime", ParisTime.iso8601(message.createdAt))], [.text(FrenchDateFormat.shortWithTime(message.createdAt))]),
                        .when(message.author == .staff, .text(message.readAt == nil ? " – pas encore lu par la famille" : " – lu par la famille")),
                    ]),
                    MessageFormParts.body(message.body),
                    MessageFormParts.attachmentLinks(message.attachments, path: { MessagingPaths.staffAttachment($0) }),
                ])
            }),
            .section([.aria("labelledby", "repondre-titre")], [
                .h2([.id("repondre-titre")], ["Répondre à la famille"]),
                Forms.form(action: MessagingPaths.staffThread(thread.id), csrf: frame.chrome.csrf, label: "Répondre à la famille", [
                    MessageFormParts.textarea("message", label: "Réponse", value: draftBody,
                                              hint: "La famille est prévenue par e-mail et lit la réponse sur le portail.", errors: errors),
                    Forms.submit("Envoyer la réponse"),
                ]),
            ]),
            .section([.aria("labelledby", "suivi-titre")], [
                .h2([.id("suivi-titre")], ["Suivi"]),
                Forms.form(action: MessagingPaths.staffAssign(thread.id), csrf: frame.chrome.csrf, label: "Attribuer la conversation", [
                    .div([.class("field")], [
                        .label([.for(Forms.fieldID("agent"))], ["Attribuée à"]),
                        .el("select", [.id(Forms.fieldID("agent")), .name("agent")],
                            [.el("option", [.value("personne")] + (thread.assignedStaffID == nil ? [.selected] : []), ["Personne"])]
                            + team.map { member in
                                .el("option", [.value("\(member.id)")] + (member.id == thread.assignedStaffID ? [.selected] : []), [.text(member.displayName)])
                            }),
                    ]),
                    Forms.submit("Attribuer", secondary: true),
                ]),
                Forms.form(action: MessagingPaths.staffStatus(thread.id), csrf: frame.chrome.csrf, label: thread.status == .open ? "Clôturer" : "Rouvrir", [
                    Forms.hidden("statut", thread.status == .open ? ThreadStatus.closed.rawValue : ThreadStatus.open.rawValue),
                    Forms.submit(thread.status == .open ? "Clôturer la conversation" : "Rouvrir la conversation", secondary: true),
                ]),
            ]),
        ])
    }
}
