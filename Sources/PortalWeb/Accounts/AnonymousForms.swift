import HTML
import Foundation
import PortalFlows

/// The anti-robot fields of anonymous forms (checked by the flows, `AnonymousSubmission`): a
/// honeypot and a signed display time.
enum AnonymousForms {
    static func stamp(_ context: RequestContext) throws -> String {
        try IssueFormStamp(town: context.town).run(now: context.now)
    }

    static func fields(stamp: String) -> Node {
        .fragment([Forms.honeypot(), Forms.hidden(Forms.stampName, stamp)])
    }
}
