import HTML
import PortalCore
import PortalFlows

/// The pages of the family account flows. Each form states its rule before the first try,
/// keeps what was typed (never a password) and shows errors by the field and at the top.
enum AccountViews {
    static func signUp(_ chrome: PageChrome, values: SignUpValues, errors: FieldErrors, stamp: String) -> Node {
        let policy = chrome.tenant.passwordPolicy
        return Layout.page(chrome, title: "Créer un compte", content: [
            .h1([], ["Créer un compte"]),
            Forms.errorSummary(errors),
            .p([], ["Votre compte vous donne accès à l'espace famille, aux inscriptions, aux réservations et aux factures. Tous les champs sont obligatoires sauf mention contraire."]),
            Forms.form(action: AccountPaths.signUp, csrf: chrome.csrf, [
                AnonymousForms.fields(stamp: stamp),
                Forms.field("nom", label: "Nom", value: values.lastName, autocomplete: "family-name", errors: errors),
                Forms.field("prenoms", label: "Prénoms", value: values.firstNames, autocomplete: "given-name", errors: errors),
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: values.email, autocomplete: "email",
                            hint: "Elle servira d'identifiant ; un lien d'activation y sera envoyé.", errors: errors,
                            extra: [Attribute("inputmode", "email"), Attribute("spellcheck", "false")]),
                Forms.newPassword("mot_de_passe", label: "Mot de passe", policy: policy, errors: errors),
                Forms.field("confirmation", label: "Confirmation du mot de passe", type: "password", autocomplete: "new-password", errors: errors),
                Forms.field("code_abonne", label: "Code abonné", value: values.subscriberCode, autocomplete: "off",
                            hint: "Donné par la collectivité ; il relie votre compte au dossier de votre famille. Vous pourrez aussi l'ajouter plus tard dans « Mes abonnements ».",
                            errors: errors, required: false, extra: [Attribute("autocapitalize", "characters")]),
                Forms.checkbox("conditions", label: [
                    "J'ai lu et j'accepte les ", .a([.href(AccountPaths.terms)], [.text(chrome.tenant.legal.termsTitle.lowercased())]),
                    " et la ", .a([.href(AccountPaths.privacy)], ["politique de données personnelles"]), ".",
                ], checked: values.termsAccepted, errors: errors),
                .div([.class("actions")], [Forms.submit("Créer mon compte"), .a([.href(AccountPaths.signIn)], ["J'ai déjà un compte"])]),
            ]),
        ])
    }

    static func mailSent(_ frame: StaffChrome, _ audience: PasswordResetAudience = .family, title: String, text: String) -> Node {
        let again: Node = audience == .family ? .a([.href(AccountPaths.resendActivation)], ["Je n'ai rien reçu"])
            : .a([.href(audience.forgottenPath)], ["Je n'ai rien reçu"])
        return audience.page(frame, title: title, content: [
            .h1([], [.text(title)]),
            .p([.class("notice")], [.text(text)]),
            .p([], [again, " · ", .a([.href(audience.signInPath)], ["Se connecter"])]),
        ])
    }

    static func activation(_ chrome: PageChrome, token: String?) -> Node {
        guard let token else {
            return Layout.page(chrome, title: "Lien expiré", content: [
                .h1([], ["Ce lien n'est plus valable"]),
                .p([], ["Le lien d'activation a déjà servi ou a expiré (il est valable 48 heures). Si votre compte est déjà activé, connectez-vous ; sinon, demandez un nouveau lien."]),
                .div([.class("actions")], [.a([.class("button"), .href(AccountPaths.resendActivation)], ["Recevoir un nouveau lien"]),
                                           .a([.href(AccountPaths.signIn)], ["Se connecter"])]),
            ])
        }
        return Layout.page(chrome, title: "Activer mon compte", content: [
            .h1([], ["Activer mon compte"]),
            .p([], ["Dernière étape : confirmez l'activation de votre compte."]),
            Forms.form(action: AccountPaths.activation, csrf: chrome.csrf, [
                Forms.hidden("jeton", token),
                Forms.submit("Activer mon compte"),
            ]),
        ])
    }

    static func resendActivation(_ chrome: PageChrome, email: String, errors: FieldErrors, stamp: String) -> Node {
        Layout.page(chrome, title: "Recevoir un nouveau lien d'activation", content: [
            .h1([], ["Recevoir un nouveau lien d'activation"]),
            Forms.errorSummary(errors),
            Forms.form(action: AccountPaths.resendActivation, csrf: chrome.csrf, [
                AnonymousForms.fields(stamp: stamp),
                Forms.field("courriel", label: "Adresse électronique du compte", type: "email", value: email, autocomplete: "email", errors: errors),
                Forms.submit("Envoyer le lien"),
            ]),
        ])
    }

    /// `returnPath` is where the form sends back to once signed in; `notice` the redirect's `ok` code.
    static func signIn(_ chrome: PageChrome, email: String, message: String?, showResend: Bool = false, returnPath retour: String,
                       notice: String?) -> Node {
        Layout.page(chrome, title: "Se connecter", content: [
            .h1([], ["Connectez-vous au portail"]),
            Notices.banner(notice),
            .when(message != nil, .div([.class("error-summary"), .role("alert")], [
                .p([], [.text(message ?? "")]),
                .when(showResend, .p([], [.a([.href(AccountPaths.resendActivation)], ["Recevoir un nouveau lien d'activation"])])),
            ])),
            Forms.form(action: AccountPaths.signIn, csrf: chrome.csrf, [
                .when(!retour.isEmpty, Forms.hidden("retour", ReturnPath.sanitized(retour, default: SpacePaths.home))),
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: email, autocomplete: "email", errors: FieldErrors(),
                            extra: [Attribute("inputmode", "email"), Attribute("spellcheck", "false")]),
                Forms.field("mot_de_passe", label: "Mot de passe", type: "password", autocomplete: "current-password", errors: FieldErrors()),
                .div([.class("actions")], [Forms.submit("Se connecter"), .a([.href(AccountPaths.forgotten)], ["Mot de passe oublié ?"])]),
            ]),
            .h2([], ["Pas encore de compte ?"]),
            .p([], [.a([.class("button secondary"), .href(AccountPaths.signUp)], ["Créer un compte"])]),
        ])
    }

    static func forgotten(_ frame: StaffChrome, _ audience: PasswordResetAudience, email: String, errors: FieldErrors, stamp: String) -> Node {
        audience.page(frame, title: "Mot de passe oublié", content: [
            .h1([], ["Mot de passe oublié"]),
            Forms.errorSummary(errors),
            .p([], ["Indiquez l'adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe."]),
            Forms.form(action: audience.forgottenPath, csrf: frame.chrome.csrf, [
                AnonymousForms.fields(stamp: stamp),
                Forms.field("courriel", label: "Adresse électronique", type: "email", value: email, autocomplete: "email", errors: errors),
                Forms.submit("Recevoir le lien"),
            ]),
        ])
    }

    static func reset(_ frame: StaffChrome, _ audience: PasswordResetAudience, token: String?, errors: FieldErrors) -> Node {
        guard let token else {
            return audience.page(frame, title: "Lien expiré", content: [
                .h1([], ["Ce lien n'est plus valable"]),
                .p([], ["Le lien a déjà servi ou a expiré (il est valable 1 heure). Vous pouvez en demander un nouveau."]),
                .p([], [.a([.class("button"), .href(audience.forgottenPath)], ["Demander un nouveau lien"])]),
            ])
        }
        return audience.page(frame, title: "Nouveau mot de passe", content: [
            .h1([], ["Choisir un nouveau mot de passe"]),
            Forms.errorSummary(errors),
            Forms.form(action: audience.resetPath, csrf: frame.chrome.csrf, [
                Forms.hidden("jeton", token),
                Forms.newPassword("mot_de_passe", label: "Nouveau mot de passe", policy: frame.chrome.tenant.passwordPolicy, errors: errors),
                Forms.field("confirmation", label: "Confirmation du mot de passe", type: "password", autocomplete: "new-password", errors: errors),
                Forms.submit("Enregistrer le mot de passe"),
            ]),
        ])
    }

    static func confirmEmail(_ chrome: PageChrome, token: String?, newEmail: String?, message: String?) -> Node {
        guard let token else {
            return Layout.page(chrome, title: "Lien expiré", content: [
                .h1([], ["Ce lien n'est plus valable"]),
                .p([], [.text(message ?? "Le lien de confirmation a déjà servi ou a expiré. Vous pouvez refaire la demande depuis « Mon compte ».")]),
                .p([], [.a([.class("button"), .href(SpacePaths.account)], ["Mon compte"])]),
            ])
        }
        return Layout.page(chrome, title: "Confirmer ma nouvelle adresse", content: [
            .h1([], ["Confirmer ma nouvelle adresse"]),
            .p([], [.text("Votre adresse de connexion deviendra : \(newEmail ?? "")")]),
            Forms.form(action: AccountPaths.confirmEmail, csrf: chrome.csrf, [
                Forms.hidden("jeton", token),
                Forms.submit("Confirmer"),
            ]),
        ])
    }

    static func legal(_ chrome: PageChrome, title: String, paragraphs: [String]) -> Node {
        Layout.page(chrome, title: title, content: [.h1([], [.text(title)])] + paragraphs.map { .p([], [.text($0)]) })
    }
}
