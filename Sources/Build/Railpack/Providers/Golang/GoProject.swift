/// What the Go provider reads from the app: module and workspace files, root sources and the
/// nested modules a workspace copies (railpack:core/providers/golang/golang.go).
struct GoProject: Sendable {
    let app: RailpackApp

    /// railpack:core/providers/golang/golang.go isGoMod
    var isGoMod: Bool { app.hasFile("go.mod") }

    /// railpack:core/providers/golang/golang.go isGoWorkspace
    var isGoWorkspace: Bool { app.hasFile("go.work") }

    /// A `.go` file directly in the app directory (golang.go hasRootGoFiles).
    var hasRootGoFiles: Bool { app.findFiles("*.go").contains { !$0.contains("/") } }

    /// A plain substring search of go.mod (golang.go isGin).
    var usesGin: Bool { app.readFile("go.mod")?.contains("github.com/gin-gonic/gin") ?? false }

    /// The directory of every `go.mod` below the root, in glob order; the root module itself is
    /// left out (golang.go GoWorkspacePackages). Go module paths use `/` on every platform.
    var workspacePackages: [String] {
        app.findFiles("**/go.mod").filter { $0 != "go.mod" }.map { file in
            let parts = file.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count > 1 ? parts.dropLast().joined(separator: "/") : "."
        }
    }

    /// The version of the first line that, trimmed, starts with `go `. Upstream strips the `go`
    /// prefix from the untrimmed line, so an indented directive keeps its `go ` and a trailing
    /// comment stays in the version (golang.go extractGoVersionFromMod).
    var goModVersion: String? {
        guard let text = app.readFile("go.mod") else { return nil }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("go ") else { continue }
            let rest = line.hasPrefix("go") ? line.dropFirst(2) : line[...]
            let version = rest.trimmingCharacters(in: .whitespacesAndNewlines)
            if !version.isEmpty { return version }
        }
        return nil
    }

    /// `filepath.Join(dir, name)` for the relative, already clean paths the glob returns.
    static func join(_ directory: String, _ name: String) -> String { directory == "." || directory.isEmpty ? name : directory + "/" + name }
}
