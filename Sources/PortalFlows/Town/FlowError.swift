/// Why a flow could not act on what it was asked, before any rule was judged: the web layer
/// answers 404 or 403 without saying more (a family id of another account reads as absent).
public enum FlowError: Error, Equatable, Sendable {
    /// What the input names does not exist for this town, or not for this account.
    case notFound
    /// It exists but may not be touched by whoever asks.
    case forbidden
}
