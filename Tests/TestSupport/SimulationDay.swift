import Railway

extension SimulationOptions {
    /// The day the tests' expectations hold for: before Railway's config-as-code cutoff
    /// (2026-12-01), so fixtures with railway.toml keep meaning what they meant when written.
    /// Tests of the cutoff itself choose their own day.
    public static let testDay = SimulationOptions(asOf: CalendarDay(year: 2026, month: 11, day: 29))
}
