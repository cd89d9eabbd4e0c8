/// A French code postal: five digits, the first two a department (01–95), 97 overseas or 98
/// (Monaco and the Pacific collectivities). Corsica's 20xxx codes fit the same rule.
public struct FrenchPostcode: Hashable, Sendable {
    public let code: String

    public static let frenchProblem = "Le code postal compte 5 chiffres (ex. 43490)."

    public init?(_ typed: String) {
        let code = String(typed.filter { !$0.isWhitespace })
        guard code.count == 5, code.allSatisfy({ $0.isASCII && $0.isNumber }),
              let department = Int(code.prefix(2)), (1...98).contains(department), department != 96
        else { return nil }
        self.code = code
    }
}
