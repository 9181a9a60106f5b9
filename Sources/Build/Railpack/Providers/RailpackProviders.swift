/// The registry: every language provider, in Railpack's detection order, where the first whose
/// detection matches is the only one used (railpack:core/providers/provider.go GetLanguageProviders).
/// A new provider registers itself here and nowhere else.
enum RailpackProviders {
    static func languageProviders() -> [any RailpackLanguageProvider] {
        [
            RailpackPhpProvider(),
            RailpackGolangProvider(),
            RailpackJavaProvider(),
            RailpackRustProvider(),
            RailpackRubyProvider(),  // above Python on purpose (railpack commit 28d29884 "ruby priority above python")
            RailpackElixirProvider(),
            RailpackPythonProvider(),
            RailpackDenoProvider(),
            RailpackDotnetProvider(),
            RailpackNodeProvider(),
            RailpackGleamProvider(),
            RailpackCppProvider(),
            RailpackStaticfileProvider(),
            RailpackShellProvider(),
        ]
    }

    /// Config `provider` lookup, case-insensitive (railpack:core/providers/provider.go GetProvider).
    static func provider(named name: String) -> (any RailpackLanguageProvider)? {
        languageProviders().first { $0.name.lowercased() == name.lowercased() }
    }
}
