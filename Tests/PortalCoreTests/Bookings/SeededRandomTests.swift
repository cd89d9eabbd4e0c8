import Testing
@testable import PortalCore

/// Known answers from the reference C implementations (prng.di.unimi.it).
@Suite struct SeededRandomTests {
    @Test func splitMix64_matchesTheReferenceStream() {
        var generator = SplitMix64(seed: 1_234_567)
        #expect((0..<5).map { _ in generator.next() } == [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
    }

    @Test func xoshiro256StarStar_matchesTheReferenceStream() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect((0..<10).map { _ in generator.next() } == [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600,
            16_172_922_978_634_559_625, 8_476_171_486_693_032_832, 10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ])
    }

    @Test func xoshiroSeededBySplitMix_isReproducible() {
        var generator = Xoshiro256StarStar(seed: 42)
        #expect((0..<3).map { _ in generator.next() } == [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
    }

    @Test func boundedDraws_stayInRangeAndReachEveryValue() {
        var generator = Xoshiro256StarStar(seed: 7)
        var seen = Set<UInt64>()
        for _ in 0..<600 {
            let value = generator.next(below: 6)
            #expect(value < 6)
            seen.insert(value)
        }
        #expect(seen == [0, 1, 2, 3, 4, 5])
    }

    @Test func shuffle_isAPermutationFixedByTheSeed() {
        var a = Xoshiro256StarStar(seed: 2026), b = Xoshiro256StarStar(seed: 2026), c = Xoshiro256StarStar(seed: 2027)
        var first = Array(1...20), second = Array(1...20), third = Array(1...20)
        a.shuffle(&first)
        b.shuffle(&second)
        c.shuffle(&third)
        #expect(first == second)
        #expect(first != third)
        #expect(first.sorted() == Array(1...20))
    }
}
