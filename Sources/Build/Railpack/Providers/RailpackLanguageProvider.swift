/// One of Railpack's language providers (railpack:core/providers/provider.go Provider). Each lives
/// in its own folder under Providers/ and is listed once, in `RailpackProviders.languageProviders`.
///
/// A provider is a value: the planner takes a fresh copy, calls `initialize` (which may keep what
/// it read, as Node keeps its package.json) and then `plan` on that copy.
protocol RailpackLanguageProvider: Sendable {
    /// Railpack's `Name()`, verbatim: "python", "golang", "Elixir", "Dotnet" (it is logged
    /// capitalised as "Detected …" and recorded as the `providers` metadata).
    var name: String { get }

    /// Whether the app is this provider's. `inout` because some providers log while detecting
    /// (railpack:core/providers/shell/shell.go getScript).
    func detect(_ ctx: inout RailpackGenerateContext) -> Bool

    /// Reads what `plan` needs; a failure skips to the next provider with a warning (railpack:core/core.go getProviders).
    mutating func initialize(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure)

    /// Adds the provider's steps, deploy layers, variables and start command to the context.
    func plan(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure)

    /// A last pass over the finished plan (railpack:core/providers/provider.go CleansePlan).
    func cleansePlan(_ plan: inout RailpackPlan)

    /// Appended to the missing-start-command message (railpack:core/validate.go validateStartCommand).
    var startCommandHelp: String { get }
}

extension RailpackLanguageProvider {
    mutating func initialize(_ ctx: inout RailpackGenerateContext) throws(RailpackPlanFailure) {}
    func cleansePlan(_ plan: inout RailpackPlan) {}
    var startCommandHelp: String { "" }
}
