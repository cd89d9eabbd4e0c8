import Foundation

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

    /// `common-passwords.txt`, a resource of this module (its header says where it comes from),
    /// in frequency order. The file travels beside the executable, in
    /// `PortailFamille_PortalCore.resources`; without it no password can be judged, so the
    /// server checks it at start-up (`isAvailable`).
    static let frequencyList: [String] = {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }()

    static let all: Set<String> = Set(frequencyList).union(frenchAdditions)

    /// False when the list could not be read: `portal serve` refuses to start rather than accept
    /// any password.
    public static var isAvailable: Bool { frequencyList.count >= 10_000 }

    /// True for a listed password, also when it only adds digits or symbols at the end
    /// (`Password1!` is `password` to an attacker's rule set).
    public static func contains(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if all.contains(lowered) { return true }
        let stem = String(lowered.reversed().drop { !$0.isLetter }.reversed())
        return stem.count >= 4 && stem != lowered && all.contains(stem)
    }
}
