/// How the places of a period are allocated when its booking opens (issue 11, fairness at opening).
public enum OpeningAllocation: Sendable, Equatable {
    /// Today's behaviour: each request takes a place in the order it arrives.
    case firstCome
    /// The requests of the first minutes are collected, then allocated by a seeded draw.
    case draw(OpeningDraw)

    public var draw: OpeningDraw? {
        if case .draw(let draw) = self { return draw }
        return nil
    }
}

public struct OpeningDraw: Sendable, Equatable {
    /// School holidays whose opening is drawn; nil: every period the activity opens.
    public var periods: [SchoolHolidayKind]?
    public var policy: DrawPolicy
    public var publication: DrawPublication

    public init(periods: [SchoolHolidayKind]?, policy: DrawPolicy, publication: DrawPublication) {
        self.periods = periods
        self.policy = policy
        self.publication = publication
    }
}

/// Who may read the published draws (seed, ranking, how to replay them).
public enum DrawPublication: String, Sendable, Equatable, CaseIterable {
    /// Anyone, without signing in.
    case `public`
    /// Signed-in families of the town.
    case families
}
