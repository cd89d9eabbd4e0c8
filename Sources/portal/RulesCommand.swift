import Foundation
import PortalCore

/// `portal rules …`: the rules engine from the command line, for operators and support.
enum RulesCommand {
    static func explain(_ arguments: [String]) -> Int32 {
        do throws(OptionError) {
            let options = try Options(arguments, valued: ["tenant", "activity", "unit", "date", "now", "action"], flags: ["non-resident"])
            let engine = RulesEngine(tenant: try tenant(options.required("tenant")))
            let date = try localDate(options.required("date"), option: "date")
            let nowText = try options.required("now")
            guard let now = ParisTime.parseISO8601(nowText) else {
                throw OptionError(message: "--now : instant invalide « \(nowText) » (attendu : 2026-01-09T10:00:00+01:00)")
            }
            let actionText = try options.required("action")
            guard let action = BookingAction(rawValue: actionText) else {
                throw OptionError(message: "--action : « \(actionText) » inconnu (book ou cancel)")
            }
            let activity = try options.required("activity")
            let unit = try options.required("unit")
            let decision: RuleDecision
            do throws(RulesError) {
                decision = try engine.decide(activity: activity, unit: unit, date: date, action: action,
                                             residency: options.has("non-resident") ? .nonResident : .resident, now: now)
            } catch {
                throw OptionError(message: error.frenchMessage)
            }
            say(decision.explainJSON())
            return 0
        } catch {
            printError(error.message)
            return 2
        }
    }

    static func calendar(_ arguments: [String]) -> Int32 {
        do throws(OptionError) {
            let options = try Options(arguments, valued: ["tenant", "activity", "from", "to"], flags: ["non-resident"])
            let engine = RulesEngine(tenant: try tenant(options.required("tenant")))
            let from = try localDate(options.required("from"), option: "from")
            let to = try localDate(options.required("to"), option: "to")
            guard from <= to, from.days(until: to) <= 366 else {
                throw OptionError(message: "--from doit précéder --to, sur un an au plus")
            }
            let activity = try options.required("activity")
            do throws(RulesError) {
                let days = try engine.calendar(activity: activity, from: from, to: to,
                                               residency: options.has("non-resident") ? .nonResident : .resident)
                say(ActivityDay.plainText(days))
            } catch {
                throw OptionError(message: error.frenchMessage)
            }
            return 0
        } catch {
            printError(error.message)
            return 2
        }
    }

    private static func tenant(_ id: String) throws(OptionError) -> TenantConfig {
        let (tenants, _) = TenantConfigLoader.loadDirectory(tenantsDirectory())
        guard let tenant = tenants.first(where: { $0.id == id }) else {
            throw OptionError(message: "collectivité inconnue ou fichier invalide : « \(id) » (voir portal tenant check)")
        }
        return tenant
    }

    private static func localDate(_ text: String, option: String) throws(OptionError) -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw OptionError(message: "--\(option) : date invalide « \(text) » (attendu : AAAA-MM-JJ)")
        }
        return date
    }
}
