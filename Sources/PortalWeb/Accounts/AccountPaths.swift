import HTML
import HTTPServer

/// Every path of the account pages, printed into links and forms from here only.
enum AccountPaths {
    static let signUp = "/inscription"
    static let signUpSent = "/inscription/envoyee"
    static let activation = "/activation"
    static let resendActivation = "/activation/renvoyer"
    static let signIn = "/connexion"
    static let signOut = "/deconnexion"
    static let forgotten = "/mot-de-passe-oublie"
    static let forgottenSent = "/mot-de-passe-oublie/envoye"
    static let reset = "/mot-de-passe/nouveau"
    static let confirmEmail = "/courriel/confirmer"
    static let terms = "/conditions"
    static let privacy = "/confidentialite"
}

enum SpacePaths {
    static let home = "/mon-espace"
    static let account = "/mon-espace/compte"
    static let identity = "/mon-espace/compte/identite"
    static let password = "/mon-espace/compte/mot-de-passe"
    static let email = "/mon-espace/compte/courriel"
    static let connections = "/mon-espace/compte/connexions"
    static let subscriptions = "/mon-espace/abonnements"
    static let requests = "/mon-espace/demandes"
    static let documents = "/mon-espace/documents"

    static let request = RoutePath<Int64>("/mon-espace/demandes/", "id")
    static let document = RoutePath<Int64>("/mon-espace/documents/", "id")
}

enum StaffPaths {
    static let home = "/gestion"
    static let signIn = "/gestion/connexion"
    static let signOut = "/gestion/deconnexion"
    static let team = "/gestion/equipe"
    static let invitation = "/gestion/invitation"
    static let forgotten = "/gestion/mot-de-passe-oublie"
    static let forgottenSent = "/gestion/mot-de-passe-oublie/envoye"
    static let reset = "/gestion/mot-de-passe/nouveau"
    static let documents = "/gestion/documents"
    static let account = "/gestion/mon-compte"
    static let password = "/gestion/mon-compte/mot-de-passe"
    static let connections = "/gestion/mon-compte/connexions"

    static let document = RoutePath<Int64>("/gestion/documents/", "id")
}

/// Success notices after a redirect are named by a fixed code in the query, never by free text.
enum Notices {
    static func text(_ code: String?) -> String? {
        switch code {
        case "active": "Votre compte est activé. Vous pouvez vous connecter."
        case "mot-de-passe": "Votre mot de passe a été changé."
        case "mot-de-passe-reinitialise": "Votre mot de passe a été changé et vos autres connexions ont été fermées. Connectez-vous avec le nouveau mot de passe."
        case "identite": "Votre identité a été mise à jour."
        case "courriel-envoye": "Un lien de confirmation a été envoyé à la nouvelle adresse. Votre adresse actuelle reste valable jusqu'à la confirmation."
        case "courriel": "Votre nouvelle adresse électronique est confirmée : utilisez-la désormais pour vous connecter."
        case "abonnement": "Le dossier famille est maintenant lié à votre compte."
        case "deja-abonne": "Ce dossier famille était déjà lié à votre compte."
        case "document": "Votre document a bien été envoyé au service."
        case "invitation": "Votre compte est prêt. Connectez-vous."
        case "invite": "L'invitation a été envoyée."
        case "deconnecte": "Vous êtes déconnecté."
        case "connexions": "Vos autres connexions sont fermées : seul cet appareil reste connecté."
        default: nil
        }
    }

    static func banner(_ request: HTTPRequest) -> Node { banner(request.queryValue("ok")) }

    /// The notice of the redirect's `ok` code, nothing for an unknown one.
    static func banner(_ code: String?) -> Node {
        guard let text = text(code) else { return .fragment([]) }
        return Forms.notice(text)
    }
}
