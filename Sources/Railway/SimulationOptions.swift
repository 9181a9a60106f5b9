/// How to run a simulation, as opposed to what the project declares: the day to evaluate dated
/// platform rules on, and the user's choices for undocumented behaviour (`--assume NAME=VALUE`).
/// Carried on `ResolvedService` so every later stage sees the same choices.
public struct SimulationOptions: Sendable, Equatable {
    /// Dated rules are evaluated as of this day (default: today, UTC).
    public var asOf: CalendarDay
    /// Assumption name → the value to use instead of railsim's default.
    public var assumptionChoices: [String: String]

    public init(asOf: CalendarDay = .today(), assumptionChoices: [String: String] = [:]) {
        self.asOf = asOf
        self.assumptionChoices = assumptionChoices
    }

    /// The first day Railway no longer reads `railway.toml`/`railway.json`: "Existing Config as Code
    /// files stop being read on 2026-12-01 (hard cutoff)" (docs:content/docs/infrastructure-as-code.md:27).
    public static let configAsCodeCutoff = CalendarDay(year: 2026, month: 12, day: 1)

    /// Whether config-as-code files are still read on `asOf`.
    public var readsConfigAsCode: Bool { asOf < Self.configAsCodeCutoff }

    /// The user's value for an assumption, if they chose one.
    public func choice(_ name: String) -> String? { assumptionChoices[name] }
}
