/// Nixpacks' providers in detection order (nixpacks:src/lib.rs `get_providers`). Only the first
/// provider whose `detect` is true is used ("Only match a single provider... for now",
/// nixpacks:src/nixpacks/plan/generator.rs `get_detected_providers`), so a package.json makes an
/// app Node even beside a requirements.txt. railsim emulates the Python provider; the others are
/// detected so an app is reported as "not emulated" rather than mistaken for Python or for none.
enum NixpacksProvider: String, CaseIterable, Sendable {
    case crystal, csharp, dart, elixir, deno, fsharp, clojure, gleam, go, haskell, haunt, java,
         lunatic, scala, php, ruby, node, python, rust, swift, staticfile, zig, cobol

    /// The name Nixpacks uses in `providers`, metadata and phase prefixes (each provider's `name()`).
    var name: String {
        switch self {
        case .csharp: return "c#"                 // nixpacks:src/providers/csharp.rs name
        case .fsharp: return "f#"                 // nixpacks:src/providers/fsharp.rs name
        case .haunt: return "scheme"              // nixpacks:src/providers/scheme.rs name
        default: return rawValue                  // each provider's name() is its file name
        }
    }

    static func named(_ name: String) -> NixpacksProvider? { allCases.first { $0.name == name } }

    var isEmulated: Bool { self == .python }

    /// Each provider's `detect`.
    func detects(_ app: NixpacksApp) throws(NixpacksPlanError) -> Bool {
        switch self {
        case .crystal: return app.includesFile("shard.yml")                               // crystal.rs detect
        case .csharp: return !app.walkFiles { $0.name.hasSuffix(".csproj") }.isEmpty      // csharp.rs: find_files("*.csproj"); `*` crosses `/`
        case .dart: return app.includesFile("pubspec.yaml")                               // dart.rs detect
        case .elixir: return app.includesFile("mix.exs")                                  // elixir.rs detect
        case .deno:                                                                        // deno.rs detect
            if app.includesFile("deno.json") || app.includesFile("deno.jsonc") { return true }
            let sources = app.walkFiles { path in [".ts", ".tsx", ".js", ".jsx"].contains { path.name.hasSuffix($0) } }
            return try NixpacksPatterns.anyFile(sources, in: app, matches: NixpacksPatterns.denoImport, containing: "https://deno")
        case .fsharp: return !app.walkFiles { $0.name.hasSuffix(".fsproj") }.isEmpty      // fsharp.rs: find_files("*.fsproj")
        case .clojure: return app.includesFile("project.clj") || app.includesFile("build.clj")  // clojure.rs is_using_lein / is_using_tools_build
        case .gleam: return app.includesFile("gleam.toml") && app.includesFile("manifest.toml")  // gleam/mod.rs detect (has_match on exact names)
        case .go: return app.includesFile("main.go") || app.includesFile("go.mod")        // go.rs detect
        case .haskell:                                                                     // haskell.rs detect
            return app.includesFile("package.yaml") && !app.walkFiles { $0.name.hasSuffix(".hs") }.isEmpty
        case .haunt: return app.includesFile("haunt.scm")                                 // scheme.rs detect
        case .java:                                                                        // java.rs detect (three of the names as directories, as written)
            return app.includesFile("pom.xml") || app.includesDirectory("pom.atom") || app.includesDirectory("pom.clj")
                || app.includesDirectory("pom.groovy") || app.includesFile("pom.rb") || app.includesFile("pom.scala")
                || app.includesFile("pom.yaml") || app.includesFile("pom.yml") || app.includesFile("gradlew")
        case .lunatic:                                                                     // lunatic.rs detect
            guard app.includesFile("Cargo.toml"), let config = app.path(".cargo/config.toml") else { return false }
            let files = app.walkFiles { $0 == config }
            return try NixpacksPatterns.anyFile(files, in: app, matches: NixpacksPatterns.lunaticRunner, containing: "\"lunatic\"")
        case .scala: return app.includesFile("build.sbt")                                 // scala.rs detect
        case .php: return app.includesFile("composer.json") || app.includesFile("index.php")  // php/mod.rs detect
        case .ruby: return app.includesFile("Gemfile")                                    // ruby.rs detect
        case .node: return app.includesFile("package.json")                               // node/mod.rs detect
        case .python:                                                                      // python.rs detect
            return app.includesFile("main.py") || app.includesFile("requirements.txt")
                || app.includesFile("pyproject.toml") || app.includesFile("Pipfile")
        case .rust: return app.includesFile("Cargo.toml")                                 // rust.rs detect
        case .swift: return app.includesFile("Package.swift")                             // swift.rs detect
        case .staticfile:                                                                  // staticfile.rs detect
            return app.includesFile("Staticfile") || app.includesDirectory("public") || app.includesDirectory("index")
                || app.includesDirectory("dist") || app.includesFile("index.html")
        case .zig: return !app.walkFiles { $0.name.hasSuffix(".zig") }.isEmpty            // zig.rs: "*.zig" or "**/*.zig"
        case .cobol: return !app.walkFiles { $0.name.hasSuffix(".cbl") }.isEmpty          // cobol.rs: has_match("*.cbl")
        }
    }
}
