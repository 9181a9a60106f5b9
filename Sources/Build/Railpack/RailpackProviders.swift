import Snapshot
import Railway

/// Railpack's language providers in detection order: the first whose `Detect` is true wins and
/// only one is used (railpack:core/providers/provider.go `GetLanguageProviders`; core/core.go
/// `getProviders`). Detection looks only at the root of the directory being built.
public enum RailpackProvider: String, Sendable, CaseIterable {
    case php, golang, java, rust, ruby, elixir, python, deno, dotnet, node, gleam, cpp, staticfile, shell

    /// Display name as Railpack logs it ("Detected Python").
    public var displayName: String {
        switch self {
        case .php: return "PHP"
        case .golang: return "Go"
        case .java: return "Java"
        case .rust: return "Rust"
        case .ruby: return "Ruby"
        case .elixir: return "Elixir"
        case .python: return "Python"
        case .deno: return "Deno"
        case .dotnet: return ".NET"
        case .node: return "Node"
        case .gleam: return "Gleam"
        case .cpp: return "C++"
        case .staticfile: return "Staticfile"
        case .shell: return "Shell"
        }
    }

    /// Whether this provider claims the app directory. `HasFile` is a plain stat, so a directory
    /// with a detection name counts too (railpack.md §2.1).
    func detects(_ app: RailpackApp) -> Bool {
        switch self {
        case .php: return app.has("index.php") || app.has("composer.json")                      // php/php.go Detect
        case .golang: return app.has("go.mod") || app.has("go.work") || app.has("main.go")     // golang/golang.go Detect
        case .java:                                                                             // java/java.go Detect
            return app.has("gradlew") || ["xml", "atom", "clj", "groovy", "rb", "scala", "yaml", "yml"].contains { app.has("pom.\($0)") }
        case .rust: return app.has("Cargo.toml")                                                // rust/rust.go Detect
        case .ruby: return app.has("Gemfile")                                                   // ruby/ruby.go Detect (above python: commit 28d29884)
        case .elixir: return app.has("mix.exs")                                                 // elixir/elixir.go Detect
        case .python:                                                                           // python/python.go Detect
            return RailpackPython.mainFile(in: app) != nil || app.has("requirements.txt") || app.has("pyproject.toml") || app.has("Pipfile")
        case .deno: return app.has("deno.json") || app.has("deno.jsonc")                        // deno/deno.go Detect
        case .dotnet: return app.rootNames.contains { $0.hasSuffix(".csproj") }                 // dotnet/dotnet.go Detect (glob *.csproj)
        case .node: return app.has("package.json") || app.has("package.json5")                  // node/node.go Detect
        case .gleam: return app.has("gleam.toml")                                               // gleam/gleam.go Detect
        case .cpp: return app.has("CMakeLists.txt") || app.has("meson.build")                   // cpp/cmake.go, cpp/meson.go
        case .staticfile:                                                                       // staticfile/staticfile.go Detect
            // A Staticfile counts only with a non-empty `root:` (staticfile.go getRootDir).
            return app.variable("RAILPACK_STATIC_FILE_ROOT") != nil || Self.staticfileRoot(app) != nil || app.has("public") || app.has("index.html")
        case .shell: return app.has("start.sh") || app.variable("RAILPACK_SHELL_SCRIPT") != nil // shell/shell.go Detect
        }
    }

    /// `root:` of a Staticfile (YAML; staticfile.go `StaticfileConfig.RootDir`, trimmed).
    static func staticfileRoot(_ app: RailpackApp) -> String? {
        guard let text = app.text("Staticfile") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("root:") {
            var value = line.dropFirst("root:".count).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, (first == "\"" || first == "'"), value.last == first { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    static func detect(_ app: RailpackApp) -> RailpackProvider? {
        allCases.first { $0.detects(app) }
    }
}

/// The directory Railpack analyses (the service's root directory) and the build variables.
struct RailpackApp {
    let snapshot: RepoSnapshot
    let root: RepoPath
    let variables: ServiceSettings

    var rootNames: [String] { snapshot.children(of: root) }
    func path(_ name: String) -> RepoPath { RepoPath(name, relativeTo: root) ?? root }
    func has(_ name: String) -> Bool { snapshot.exists(path(name)) }
    func isFile(_ name: String) -> Bool { snapshot.isFile(path(name)) }
    func isDirectory(_ name: String) -> Bool { snapshot.isDirectory(path(name)) }
    func text(_ name: String) -> String? { try? snapshot.readText(path(name)) }
    /// `ctx.Env.GetConfigVariable` trims the value (railpack:core/app/environment.go).
    func variable(_ name: String) -> String? {
        guard let value = variables.variable(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}

import Foundation
