/// The national calendar of Europe/Paris: public holidays, working days and school holidays
/// (extensions in `FrenchCalendar+*.swift`). Pure functions of their arguments: no clock, no I/O.
public enum FrenchCalendar {}
