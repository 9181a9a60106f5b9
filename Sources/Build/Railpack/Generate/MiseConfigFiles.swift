/// The mise configuration and idiomatic version files the mise step copies from the app root, in
/// Railpack's order: config files, idiomatic files, env-specific globs, then a `mise.lock` beside
/// any of the TOML files (railpack:core/generate/mise_step_builder.go getSupportingMiseConfigFiles).
enum MiseConfigFiles {
    /// railpack:core/generate/mise_step_builder.go miseConfigFiles
    static let configFiles = ["mise.toml", ".mise.toml", "mise/config.toml", ".mise/config.toml", ".config/mise.toml",
                              ".config/mise/config.toml", ".tool-versions"]
    /// railpack:core/generate/mise_step_builder.go miseIdiomaticFiles
    static let idiomaticFiles = [".python-version", ".python-versions", ".node-version", ".nvmrc", ".ruby-version", "Gemfile",
                                 ".go-version", ".java-version", ".sdkmanrc", ".exenv-version", ".deno-version", "rust-toolchain.toml",
                                 ".bun-version", ".yvmrc", "global.json"]
    /// railpack:core/generate/mise_step_builder.go miseConfigGlobs
    static let globs = ["mise.*.toml", ".mise.*.toml", ".config/mise/conf.d/*.toml"]

    static func supporting(in app: RailpackApp) -> [String] {
        var seen = Set<String>()
        var files: [String] = []
        func add(_ file: String) { if seen.insert(file).inserted { files.append(file) } }
        for file in configFiles + idiomaticFiles where app.hasFile(file) { add(file) }
        for pattern in globs { for match in app.findFiles(pattern) { add(match) } }
        for file in files where file.hasSuffix(".toml") {
            let directory = file.split(separator: "/").dropLast().joined(separator: "/")
            let lock = directory.isEmpty ? "mise.lock" : directory + "/mise.lock"
            if app.hasFile(lock) { add(lock) }
        }
        return files
    }
}
