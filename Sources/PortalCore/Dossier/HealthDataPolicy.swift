/// Who among a town's staff may see children's health sheets (RGPD art. 9: need to know).
/// Agents and billing clerks see that a field is health data, never its value.
public enum HealthDataPolicy {
    public static let allowedRoles: Set<StaffRole> = [.admin, .director]

    public static func mayView(_ role: StaffRole) -> Bool { allowedRoles.contains(role) }
}
