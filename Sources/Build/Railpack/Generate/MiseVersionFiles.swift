import Railway

/// What `mise list --current --json` reports for tools pinned inside the app directory, read
/// from the files themselves because railsim never runs mise (railpack:core/generate/mise_step_builder.go
/// GetMisePackageVersions keeps only tools whose source lies in the app directory).
///
/// Precedence among files in one directory is railsim's reading of mise's configuration docs
/// (https://mise.jdx.dev/configuration.html): mise.toml-style files, then `.tool-versions`, then
/// idiomatic files (`.python-version` and friends, enabled by Railpack's
/// `MISE_IDIOMATIC_VERSION_FILE_ENABLE_TOOLS`, railpack:core/mise/mise.go).
enum MiseVersionFiles {
    struct Pin: Sendable, Equatable {
        var version: String
        /// The file the version came from, as mise reports the source.
        var file: String
    }

    /// The pinned version of each tool found, by tool name.
    static func pins(in app: RailpackApp) -> [String: Pin] {
        var pins: [String: Pin] = [:]
        func add(_ tool: String, _ version: String, _ file: String) {
            if pins[tool] == nil, !version.isEmpty { pins[tool] = Pin(version: version, file: file) }
        }
        let tomlFiles = ["mise.local.toml", "mise.toml", "mise/config.toml", ".mise/config.toml", ".mise.toml",
                         ".config/mise.toml", ".config/mise/config.toml"]
        for file in tomlFiles {
            guard let tools = app.readTOML(file)?.members?.first(where: { $0.key == "tools" })?.value.members else { continue }
            for tool in tools { add(tool.key, tomlVersion(tool.value), file) }
        }
        if let text = app.readFile(".tool-versions") {
            for line in text.split(separator: "\n") {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard let tool = words.first, !tool.hasPrefix("#"), words.count > 1 else { continue }
                add(String(tool), String(words[1]), ".tool-versions")
            }
        }
        // Idiomatic files: the first non-comment line (examples/python-pip has a comment line).
        for (file, tool) in [(".python-version", "python"), (".python-versions", "python"), (".node-version", "node"), (".nvmrc", "node"),
                             (".ruby-version", "ruby"), (".go-version", "go"), (".java-version", "java"), (".deno-version", "deno"),
                             (".bun-version", "bun")] {
            guard let text = app.readFile(file) else { continue }
            let line = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty && !$0.hasPrefix("#") }
            if let line { add(tool, line, file) }
        }
        // mise's dotnet plugin takes global.json's `sdk.version` verbatim (jdx/mise src/plugins/core/dotnet.rs parse_idiomatic_file).
        if let text = app.readFile("global.json"), case .table(let members)? = try? ConfigDocumentParser.parse(text, format: .json, file: "global.json"),
           case .table(let sdk)? = members.first(where: { $0.key == "sdk" })?.value,
           case .string(let version)? = sdk.first(where: { $0.key == "version" })?.value {
            add("dotnet", version, "global.json")
        }
        return pins
    }

    /// `python = "3.12"`, `python = ["3.12", "3.11"]` (the first wins) or `python = { version = "3.12" }`.
    private static func tomlVersion(_ value: ConfigValue) -> String {
        switch value {
        case .string(let text): return text
        case .array(let items): return items.first.map(tomlVersion) ?? ""
        case .table(let members):
            if let version = members.first(where: { $0.key == "version" })?.value, case .string(let text) = version { return text }
            return ""
        default: return ""
        }
    }
}
