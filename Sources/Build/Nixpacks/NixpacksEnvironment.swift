/// The variables Nixpacks plans with (nixpacks:src/nixpacks/environment.rs `Environment`), and
/// the plan layer the `NIXPACKS_*` variables make (nixpacks:src/nixpacks/plan/mod.rs `from_environment`).
struct NixpacksEnvironment {
    private(set) var variables: [String: String]

    /// The variables as `Environment::from_envs` reads each `--env NAME=VALUE` with the regex
    /// `([A-Za-z0-9_-]*)(?:=?)([\s\S]*)`: the name is the longest run of those characters, and the
    /// rest (after one `=`) is the value, so `A.B=1` sets `A` to `.B=1`. An empty value means "take
    /// NAME from Nixpacks' own process environment", so an empty service variable never arrives.
    init(_ variables: [String: String]) {
        var read: [String: String] = [:]
        for (name, value) in variables.sorted(by: { NixpacksOrdering.less($0.key, $1.key) }) {
            let argument = Array("\(name)=\(value)".unicodeScalars)
            let nameEnd = argument.firstIndex { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")) } ?? argument.count
            var valueStart = nameEnd
            if valueStart < argument.count, argument[valueStart] == "=" { valueStart += 1 }
            guard valueStart < argument.count else { continue }
            read[String(String.UnicodeScalarView(argument[..<nameEnd]))] = String(String.UnicodeScalarView(argument[valueStart...]))
        }
        self.variables = read
    }

    func variable(_ name: String) -> String? { variables[name] }

    /// environment.rs `get_config_variable`: `NIXPACKS_<name>` with every newline removed.
    func configVariable(_ name: String) -> String? {
        variables["NIXPACKS_\(name)"].map { value in
            String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\n" }))
        }
    }

    /// environment.rs `is_config_variable_truthy`: exactly `1` or `true`.
    func isTruthy(_ name: String) -> Bool {
        guard let value = configVariable(name) else { return false }
        return value == "1" || value == "true"
    }

    /// environment.rs `append_variables`: config-file variables join (and override) the environment.
    func appending(_ extra: [String: String]) -> NixpacksEnvironment {
        var copy = self
        for (key, value) in extra { copy.variables[key] = value }
        return copy
    }

    /// mod.rs `from_environment`: setup packages (each list ends in `"..."`, so the provider's
    /// packages follow), install and build commands with their cache directories, the start command.
    var plan: NixpacksPlan {
        var phases: [NixpacksPhase] = []
        var setup = NixpacksPhase.setup(nil)
        var usesSetup = false
        if let packages = configVariable("PKGS") {
            setup.nixPkgs = Self.splitList(packages) + ["..."]
            usesSetup = true
        }
        if let packages = configVariable("APT_PKGS") {
            setup.aptPkgs = Self.splitList(packages) + ["..."]
            usesSetup = true
        }
        if let libraries = configVariable("LIBS") {
            // Split on spaces only and empty pieces kept, unlike the other lists (mod.rs).
            setup.nixLibs = Self.split(libraries, omittingEmpty: false) { $0 == " " } + ["..."]
            usesSetup = true
        }
        if usesSetup { phases.append(setup) }
        if let command = configVariable("INSTALL_CMD") {
            var install = NixpacksPhase.install(command)
            for directory in Self.splitList(configVariable("INSTALL_CACHE_DIRS") ?? "") { install.addCacheDirectory(directory) }
            phases.append(install)
        }
        if let command = configVariable("BUILD_CMD") {
            var build = NixpacksPhase.build(command)
            for directory in Self.splitList(configVariable("BUILD_CACHE_DIRS") ?? "") { build.addCacheDirectory(directory) }
            phases.append(build)
        }
        return NixpacksPlan(phases: phases, start: configVariable("START_CMD").map { NixpacksStartPhase(cmd: $0) })
    }

    /// mod.rs `split_env_string`: split on spaces and commas, empty pieces dropped.
    static func splitList(_ text: String) -> [String] {
        split(text, omittingEmpty: true) { $0 == " " || $0 == "," }
    }

    /// Rust's `str::split` works on characters (Unicode scalars), not grapheme clusters.
    static func split(_ text: String, omittingEmpty: Bool, where isSeparator: (Unicode.Scalar) -> Bool) -> [String] {
        text.unicodeScalars.split(omittingEmptySubsequences: omittingEmpty, whereSeparator: isSeparator)
            .map { String(String.UnicodeScalarView($0)) }
    }
}
