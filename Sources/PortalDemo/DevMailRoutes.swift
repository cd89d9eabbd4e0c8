import Foundation
import HTML
import HTTPServer
import PortalCore
import PortalFlows
import PortalWeb

/// `/_dev/mail` on every town's host: the development mailbox, listing the `.eml` files the
/// worker wrote, with their links clickable. Plugged in only in development.
enum DevMailRoutes {
    static let path = "/_dev/mail"

    static func respond(to request: HTTPRequest, tenant: TenantConfig, mailDirectory: String) -> HTTPResponse? {
        guard request.method == "GET" || request.method == "HEAD" else { return nil }
        let mailbox = DevMailbox(directory: mailDirectory)
        if request.path == path {
            let recipient = request.queryValue("a")?.lowercased()
            let messages = mailbox.list(limit: 100).filter { recipient == nil || $0.to.lowercased().contains(recipient!) }
            return TownPageFrame.page(tenant: tenant, title: "Courriels envoyés (développement)", content: [
                .h1([], ["Courriels envoyés"]),
                .p([], ["Boîte de développement : les courriels ne partent pas, ils sont écrits dans ", .el("code", [], [.text(mailDirectory)]), "."]),
                messages.isEmpty ? .p([], ["Aucun courriel."]) : .ul([.class("mail-list")], messages.map { message in
                    .li([], [
                        .a([.href("\(path)/\(message.name)")], [.text(message.subject)]),
                        .text(" – à \(message.to) – \(message.date)"),
                    ])
                }),
            ])
        }
        guard request.path.hasPrefix(path + "/") else { return nil }
        guard let message = mailbox.message(named: String(request.path.dropFirst(path.count + 1))) else {
            return TownPageFrame.page(tenant: tenant, title: "Courriel introuvable", content: [.h1([], ["Courriel introuvable"])], status: .notFound)
        }
        return TownPageFrame.page(tenant: tenant, title: message.subject, content: [
            .h1([], [.text(message.subject)]),
            .el("dl", [], [
                .el("dt", [], ["De"]), .el("dd", [], [.text(message.from)]),
                .el("dt", [], ["À"]), .el("dd", [], [.text(message.to)]),
                .el("dt", [], ["Date"]), .el("dd", [], [.text(message.date)]),
            ]),
            .div([.class("mail-body")], linkified(message.body)),
            .p([], [.a([.href(path)], ["Tous les courriels"])]),
        ])
    }

    /// URLs in the text become links; everything else stays text (escaped).
    static func linkified(_ body: String) -> [Node] {
        var nodes: [Node] = []
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { nodes.append(.text("\n")) }
            for (wordIndex, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                if wordIndex > 0 { nodes.append(.text(" ")) }
                if word.hasPrefix("http://") || word.hasPrefix("https://") {
                    nodes.append(.a([.href(String(word))], [.text(String(word))]))
                } else {
                    nodes.append(.text(String(word)))
                }
            }
        }
        return nodes
    }
}

/// Reads back the `.eml` files `DirectoryDelivery` wrote.
struct DevMailbox {
    let directory: String

    struct Message {
        let name: String
        let from: String
        let to: String
        let subject: String
        let date: String
        let body: String
    }

    func list(limit: Int) -> [Message] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted(by: >).prefix(limit).compactMap { message(named: $0) }
    }

    func message(named name: String) -> Message? {
        // Only the names the delivery writes: digits and `.eml`, so no path can be smuggled in.
        guard name.hasSuffix(".eml"), name.dropLast(4).allSatisfy(\.isASCIIDigitCharacter), name.count > 4,
              let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        var headers: [String: String] = [:]
        for line in text[..<split.lowerBound].components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Message(name: name, from: decodedAddress(headers["from"] ?? ""), to: headers["to"]?.trimmingCharacters(in: CharacterSet(charactersIn: "<>")) ?? "",
                       subject: MailMessage.decodeEncodedWord(headers["subject"] ?? ""), date: headers["date"] ?? "",
                       body: QuotedPrintable.decode(String(text[split.upperBound...])))
    }

    private func decodedAddress(_ header: String) -> String {
        guard let angle = header.firstIndex(of: "<") else { return header }
        return MailMessage.decodeEncodedWord(header[..<angle].trimmingCharacters(in: .whitespaces)) + " " + header[angle...]
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
