/// Exact releases mise resolved for some requested versions when Railpack's plan snapshots were
/// generated at the emulated commit. railsim cannot ask mise offline; where a resolved version
/// shows in the plan itself (not only in the masked mise config), this table supplies it, and
/// it moves with `RailpackRelease`.
enum RailpackKnownReleases {
    /// Package → fuzzy version → release.
    static let releases: [String: [String: String]] = [
        // railpack:core/__snapshots__/TestGenerateBuildPlanForExamples_staticfile-index_1.snap.json (`mise install-into caddy@2.11.4`)
        "caddy": ["2": "2.11.4"],
    ]

    /// The known release for a fuzzy version, or the fuzzy version itself.
    static func resolve(_ package: String, fuzzy: String) -> String { releases[package]?[fuzzy] ?? fuzzy }
}
