/// Whether a child may be pré-inscrit to an activity for a period, with the reason in French
/// when not. Age is judged over the period: a child who turns 3 in March may register for the
/// year (days before the birthday are refused one by one when booking).
public enum RegistrationEligibility {
    public static func check(child: BookableChild, activity: Activity, period: RegistrationPeriod,
                             existing: [Registration], today: LocalDate) -> Eligibility {
        if period.lastDay < today {
            return .ineligible("La période \(period.label) est terminée.")
        }
        if let duplicate = existing.first(where: {
            $0.childID == child.id && $0.activityCode == activity.code && $0.period == period && $0.status != .refused
        }) {
            return .ineligible("\(child.firstName) a déjà une pré-inscription à « \(activity.label) » pour l'\(period.label) (\(duplicate.displayStatus(today: today).label)).")
        }
        switch activity.audience {
        case let .ageRange(min, max):
            let ageAtEnd = Audience.age(birthDate: child.birthDate, on: period.lastDay)
            let ageAtStart = Audience.age(birthDate: child.birthDate, on: Swift.max(period.firstDay, today))
            if ageAtEnd < min {
                return .ineligible("\(child.firstName) n'aura pas \(min) ans avant la fin de l'\(period.label) : « \(activity.label) » accueille les enfants de \(min) à \(max) ans.")
            }
            if ageAtStart > max {
                return .ineligible("\(child.firstName) a \(ageAtStart) ans : « \(activity.label) » accueille les enfants de \(min) à \(max) ans.")
            }
        case let .schoolLevels(levels):
            let accepted = levels.map(\.label).joined(separator: ", ")
            guard let level = child.schoolLevel else {
                return .ineligible("Le niveau scolaire de \(child.firstName) n'est pas renseigné dans le dossier : « \(activity.label) » est réservé aux niveaux \(accepted).")
            }
            if !levels.contains(level) {
                return .ineligible("\(child.firstName) est en \(level.label) : « \(activity.label) » est réservé aux niveaux \(accepted).")
            }
        }
        return .eligible
    }
}

public enum Eligibility: Sendable, Equatable {
    case eligible
    case ineligible(String)

    public var reason: String? {
        if case .ineligible(let reason) = self { return reason }
        return nil
    }
}
