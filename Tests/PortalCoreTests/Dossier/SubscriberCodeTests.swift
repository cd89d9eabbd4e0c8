import Testing
import PortalCore

@Suite struct SubscriberCodeTests {
    private func generated(count: Int, seed: UInt64 = 42) -> [SubscriberCode] {
        var generator = SeededGenerator(state: seed)
        return (0..<count).map { _ in SubscriberCode.generate(using: &generator) }
    }

    @Test func generatedCodes_arePrintedAsTwoGroupsOfFiveFromTheUnambiguousAlphabet() {
        for code in generated(count: 500) {
            let parts = code.value.split(separator: "-")
            #expect(parts.count == 2 && parts.allSatisfy { $0.count == 5 }, "\(code)")
            #expect(code.value.replacing("-", with: "").allSatisfy { "ABCDEFGHJKMNPQRSTUVWXYZ23456789".contains($0) })
            #expect(code.value.range(of: "^[A-Z0-9-]{4,32}$", options: .regularExpression) != nil)
        }
    }

    @Test func generatedCodes_doNotRepeat() {
        let codes = generated(count: 2000).map(\.value)
        #expect(Set(codes).count == codes.count)
    }

    @Test func generatedCode_readsBackWhateverTheCaseAndSeparators() throws {
        for code in generated(count: 50) {
            let bare = code.value.replacing("-", with: "")
            for typed in [code.value, code.value.lowercased(), bare, " \(bare.prefix(3)) \(bare.dropFirst(3)) ", code.value.replacing("-", with: " . ")] {
                #expect(try SubscriberCode(typed: typed) == code, "\(typed)")
            }
        }
    }

    @Test func everySingleMistypedCharacter_isCaught() {
        let alphabet = SubscriberCode.alphabet
        for code in generated(count: 20) {
            let characters = SubscriberCode.compact(code.value)
            for position in characters.indices {
                for replacement in alphabet where replacement != characters[position] {
                    var typo = characters
                    typo[position] = replacement
                    #expect(throws: SubscriberCode.Problem.badCheckCharacter) { try SubscriberCode(typed: String(typo)) }
                }
            }
        }
    }

    @Test func everySwapOfTwoDifferentCharacters_isCaught() {
        for code in generated(count: 50) {
            let characters = SubscriberCode.compact(code.value)
            for first in characters.indices {
                for second in characters.indices where second > first && characters[first] != characters[second] {
                    var swapped = characters
                    swapped.swapAt(first, second)
                    #expect(throws: SubscriberCode.Problem.badCheckCharacter) { try SubscriberCode(typed: String(swapped)) }
                }
            }
        }
    }

    @Test(arguments: [
        ("ABCDE-FGHJ", SubscriberCode.Problem.wrongLength),
        ("ABCDE-FGHJKM", .wrongLength),
        ("", .wrongLength),
        ("ABCDE-FGHJ0", .badCharacter("0")),
        ("OBCDE-FGHJK", .badCharacter("O")),
        ("ABCDE-1GHJK", .badCharacter("1")),
        ("ABCDE-FGHIK", .badCharacter("I")),
    ])
    func typedCode_ofWrongShape_isRefusedWithItsReason(typed: String, problem: SubscriberCode.Problem) {
        #expect(throws: problem) { try SubscriberCode(typed: typed) }
    }

    @Test func refusedLookAlike_isExplainedToTheFamily() {
        #expect(SubscriberCode.Problem.badCharacter("O").frenchMessage == "Le code abonné ne contient pas « O » : il n'a ni O, ni 0, ni I, ni L, ni 1.")
    }
}
