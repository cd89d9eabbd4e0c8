import Foundation
import HTML
import HTTPServer
import PortalCore

/// `/_dev/mail`: the development mailbox, listing the `.eml` files the worker wrote, with
/// their links clickable. Absent (404) in production.
enum DevMailRoutes {
    static let path = "/_dev/mail"

    static func register(_ table: inout RouteTable) {
        table.add("GET", path, .anyone) { context in
            guard context.settings.mode == .development else { throw RouteError.notFound }
            let recipient = context.request.queryValue("a")?.lowercased()
            let messages = DevMailbox(directory: context.settings.mailDirectory).list(limit: 100)
                .filter { recipient == nil || $0.to.lowercased().contains(recipient!) }
            return .html(page(context, title: "Courriels envoyés (développement)", content: [
                .h1([], ["Courriels envoyés"]),
                .p([], ["Boîte de développement : les courriels ne partent pas, ils sont écrits dans ", .el("code", [], [.text(context.settings.mailDirectory)]), "."]),
                messages.isEmpty ? .p([], ["Aucun courriel."]) : .ul([.class("mail-list")], messages.map { message in
                    .li([], [
                        .a([.href("\(path)/\(message.name)")], [.text(message.subject)]),
                        .text(" – à \(message.to) – \(message.date)"),
                    ])
                }),
            ]).render())
        }
        table.add("GET", path + "/:name", .anyone) { context in
            guard context.settings.mode == .development, let name = context.parameters["name"],
                  let message = DevMailbox(directory: context.settings.mailDirectory).message(named: name) else { throw RouteError.notFound }
            return .html(page(context, title: message.subject, content: [
                .h1([], [.text(message.subject)]),
                .el("dl", [], [
                    .el("dt", [], ["De"]), .el("dd", [], [.text(message.from)]),
                    .el("dt", [], ["À"]), .el("dd", [], [.text(message.to)]),
                    .el("dt", [], ["Date"]), .el("dd", [], [.text(message.date)]),
                ]),
                .div([.class("mail-body")], linkified(message.body)),
                .p([], [.a([.href(path)], ["Tous les courriels"])]),
            ]).render())
        }
    }

    private static func page(_ context: RequestContext, title: String, content: [Node]) -> Node {
        Layout.page(context, title: title, content: content)
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
