/// The passwords attackers try first: refused whatever their length or entropy, because the
/// entropy estimate of a password from a list is meaningless (CNIL délibération 2022-100).
public enum CommonPasswords {
    /// A few French favourites the English-speaking corpus under-ranks.
    static let frenchAdditions = [
        "azerty", "azertyuiop", "azerty123", "motdepasse", "motdepasse1", "soleil", "soleil123", "bonjour",
        "doudou", "loulou", "chouchou", "jetaime", "marseille", "doudou123", "coucou", "chocolat", "nicolas",
        "camille", "julien", "thomas", "marine", "toulouse", "lyon", "paris", "france", "portail", "famille",
        "portailfamille", "mairie", "enfance",
    ]

    static let all: Set<String> = {
        var set = Set(zxcvbnTop10000.split(separator: "\n").map(String.init))
        set.formUnion(frenchAdditions)
        return set
    }()

    /// True for a listed password, also when it only adds digits or symbols at the end
    /// (`Password1!` is `password` to an attacker's rule set).
    public static func contains(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if all.contains(lowered) { return true }
        let stem = String(lowered.reversed().drop { !$0.isLetter }.reversed())
        return stem.count >= 4 && stem != lowered && all.contains(stem)
    }
}
