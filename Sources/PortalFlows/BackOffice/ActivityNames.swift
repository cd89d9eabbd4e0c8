public import PortalCore

/// Activity and unit labels from the town file; the code when the file no longer has it.
public enum ActivityNames {
    public static func label(_ tenant: TenantConfig, activity: String, unit: String) -> (activity: String, unit: String) {
        let found = tenant.activity(activity)
        return (found?.label ?? activity, found?.unit(unit)?.label ?? unit)
    }
}
