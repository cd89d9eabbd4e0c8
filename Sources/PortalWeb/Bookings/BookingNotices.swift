import HTML

/// Notices after a redirect on the booking pages, named by a fixed code in `message`.
enum BookingNotices {
    static func text(_ code: String?) -> (String, String)? {
        switch code {
        case "ajoute": ("Les jours choisis sont dans votre panier : vérifiez le récapitulatif puis validez.", "success")
        case "rien": ("Aucun jour ne correspond à votre sélection (activité non proposée, enfant non inscrit, ou déjà réservé).", "error")
        case "jours-types": ("Choisissez au moins un enfant, une prestation, un jour de la semaine et des dates valides (sur un an au plus).", "error")
        case "retire": ("La ligne a été retirée du panier.", "success")
        case "vide": ("Votre panier est vide : choisissez des jours sur le planning.", "error")
        case "absence": ("L'absence est enregistrée.", "success")
        case "demande-retiree": ("Votre demande a été retirée.", "success")
        case "impossible": ("Ce changement n'est plus possible : le créneau a changé entre-temps.", "error")
        case "agenda-revoque": ("Le lien d'agenda a été révoqué : les agendas qui l'utilisaient ne se mettent plus à jour.", "success")
        case "preinscription": ("Votre demande de pré-inscription est enregistrée.", "success")
        default: nil
        }
    }

    /// The notice named by the page's `message` query value, if any.
    static func banner(_ code: String?) -> Node {
        guard let (text, kind) = text(code) else { return .fragment([]) }
        return Forms.notice(text, kind: kind)
    }
}
