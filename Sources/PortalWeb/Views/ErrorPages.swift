import HTML

/// Pages for hosts that belong to no town, or paths that lead nowhere. They name no town
/// and read no tenant data.
enum ErrorPages {
    static func standalone(title: String, message: String) -> Node {
        PageFrame.document(title: title, body: [
            .main([.class("error-page")], [
                .h1([], [.text(title)]),
                .p([], [.text(message)]),
            ]),
        ])
    }

    static let unknownHost = standalone(
        title: "Portail introuvable",
        message: "Aucun portail famille ne correspond à cette adresse. Vérifiez l'adresse communiquée par votre commune."
    )

    static let unavailable = standalone(
        title: "Service momentanément indisponible",
        message: "Le portail ne peut pas répondre pour le moment. Réessayez dans quelques minutes."
    )
}
