/// Who a town session belongs to. Family and staff accounts live in different tables,
/// so a session names its kind and a staff session can never be read as a family's.
public enum PrincipalKind: String, Sendable, Equatable {
    case family, staff
}
