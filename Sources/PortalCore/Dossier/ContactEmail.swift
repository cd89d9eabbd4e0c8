/// A guardian's contact address (not a login: the accounts' activation proves those), checked
/// and normalised as login addresses are (`EmailAddress`), with the dossier's French message.
public enum ContactEmail {
    public static let frenchProblem = "Adresse e-mail non reconnue (ex. prenom.nom@exemple.fr)."

    public static func normalise(_ typed: String) -> String? {
        EmailAddress(typed)?.value
    }
}
