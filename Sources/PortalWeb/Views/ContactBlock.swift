import HTML
import PortalCore

/// The town's service, e-mail, phone, address and opening hours, as the seeds give them.
enum ContactBlock {
    static func render(_ contact: Contact, headingLevel: String) -> Node {
        .section([.class("contact"), .aria("labelledby", "contact-titre")], [
            .el(headingLevel, [.id("contact-titre")], ["Nous contacter"]),
            .p([], [.strong([], [.text(contact.service)])]),
            .el("dl", [], [
                .el("dt", [], ["Courriel"]),
                .el("dd", [], [.a([.href("mailto:" + contact.email)], [.text(contact.email)])]),
                .when(contact.phone != nil, .fragment([
                    .el("dt", [], ["Téléphone"]),
                    .el("dd", [], [.a([.href("tel:" + (contact.phone ?? "").filter { !$0.isWhitespace })], [.text(contact.phone ?? "")])]),
                ])),
                .when(!contact.address.isEmpty, .fragment([
                    .el("dt", [], ["Adresse"]),
                    .el("dd", [], lines(contact.address)),
                ])),
                .when(!contact.hours.isEmpty, .fragment([
                    .el("dt", [], ["Horaires"]),
                    .el("dd", [], [hours(contact.hours)]),
                ])),
            ]),
            .when(!contact.desks.isEmpty, .fragment([
                .h3([], ["Points d'accueil"]),
                .ul([], contact.desks.map { desk in
                    .li([], [.strong([], [.text(desk.name)]), .br] + lines(desk.address) + [hours(desk.hours)])
                }),
            ])),
        ])
    }

    private static func lines(_ lines: [String]) -> [Node] {
        lines.enumerated().flatMap { index, line in index == 0 ? [Node.text(line)] : [.br, .text(line)] }
    }

    private static func hours(_ hours: [OpeningHours]) -> Node {
        .ul([], hours.map { .li([], [.text("\($0.days) : \($0.hours)")]) })
    }
}
