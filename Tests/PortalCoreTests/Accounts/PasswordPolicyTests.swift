import Foundation
import Testing
@testable import PortalCore

struct PasswordPolicyTests {
    /// CNIL délibération 2022-100 defaults: about 50 bits, no composition forced.
    static let cnil = PasswordPolicy()
    /// Seed 001's rule: 8 characters with a digit, a lower case, an upper case and a special character.
    static let seed = PasswordPolicy(minEntropyBits: 50, minLength: 8, requiredClasses: [.lower, .upper, .digit, .special])

    static let cnilCases: [(String, [PasswordProblem])] = [
        // A long passphrase of lower-case letters only is enough under the CNIL defaults.
        ("chevaldecourseagrafe", []),
        // 8 mixed characters: 8 × log2(95) ≈ 52.6 bits.
        ("Tr4!n-Vz", []),
        ("court", [.tooShort(minimum: 8), .tooWeak(bits: 23, minimum: 50)]),
        ("abcdefghij", [.tooWeak(bits: 47, minimum: 50)]),
        ("", [.empty]),
        ("password", [.tooWeak(bits: 37, minimum: 50), .common]),
        // Digits and symbols added to a listed word do not hide it.
        ("Password123!", [.common]),
        ("azertyuiopqsdfgh", []),
        (String(repeating: "phrase de passe ", count: 4), []),
    ]

    @Test(arguments: cnilCases)
    func cnilDefaults_acceptLongPasswordsWithoutComposition(password: String, expected: [PasswordProblem]) {
        #expect(Self.cnil.problems(with: password) == expected)
    }

    static let seedCases: [(String, [PasswordProblem])] = [
        ("Tr4!n-Vz", []),
        ("chevaldecourseagrafe", [.missingClass(.upper), .missingClass(.digit), .missingClass(.special)]),
        ("CHEVAL-de-course", [.missingClass(.digit)]),
        ("Ab1!", [.tooShort(minimum: 8), .tooWeak(bits: 26, minimum: 50)]),
    ]

    @Test(arguments: seedCases)
    func seedRule_requiresEachClass(password: String, expected: [PasswordProblem]) {
        #expect(Self.seed.problems(with: password) == expected)
    }

    static let entropies: [(String, Double)] = [
        ("abcdefgh", 37.6),
        ("abcdEFGH", 45.6),
        ("abcd1234", 41.4),
        ("Ab1!Ab1!", 52.6),
        ("éèàùçâêî", 37.6),
    ]

    @Test(arguments: entropies)
    func entropy_isLengthTimesLog2OfThePoolOfClassesUsed(password: String, bits: Double) {
        #expect(abs(PasswordPolicy.entropyBits(of: password) - bits) < 0.05)
    }

    @Test func passwordOf64To128Characters_isAccepted_andLongerIsRefused() {
        #expect(Self.cnil.problems(with: String(repeating: "k7-Q", count: 16)) == [])
        #expect(Self.cnil.problems(with: String(repeating: "k7-Q", count: 32)) == [])
        #expect(Self.cnil.problems(with: String(repeating: "k7-Q", count: 32) + "x") == [.tooLong(maximum: 128)])
        #expect(PasswordProblem.tooLong(maximum: 128).frenchMessage == "Le mot de passe ne peut pas dépasser 128 caractères.")
    }

    @Test func passwordContainingTheAccountsAddress_isRefused() {
        #expect(Self.cnil.problems(with: "camille.martin-2026-portail", email: "camille.martin@exemple.fr") == [.containsEmail])
    }

    @Test func commonList_holdsTenThousandZxcvbnEntriesAndFrenchFavourites() {
        #expect(CommonPasswords.frequencyList.count == 10_000)
        #expect(CommonPasswords.isAvailable)
        for word in ["123456", "qwerty", "azerty", "motdepasse", "soleil"] { #expect(CommonPasswords.contains(word)) }
        #expect(!CommonPasswords.contains("Demo-famille-2026!"))
    }

    @Test func ruleText_statesLengthAndClassesBeforeTheFirstTry() {
        #expect(Self.seed.frenchRule.hasPrefix("Au moins 8 caractères, dont au moins une minuscule, une majuscule, un chiffre et un caractère spécial"))
        #expect(Self.cnil.frenchRule.contains("11 lettres minuscules"))
    }

    @Test func shippedTownFiles_acceptTheDemoPasswords() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let (tenants, errors) = TenantConfigLoader.loadDirectory(root.appendingPathComponent("tenants").path)
        #expect(errors.isEmpty)
        for tenant in tenants {
            for password in ["Demo-famille-2026!", "Demo-gestion-2026!", "Demo-operateur-2026!"] {
                #expect(tenant.passwordPolicy.problems(with: password) == [], "\(tenant.id) refuses \(password)")
            }
        }
    }
}
