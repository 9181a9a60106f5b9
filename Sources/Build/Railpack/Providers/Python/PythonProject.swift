/// What the Python provider looks at in the app, read once per plan: root files, the manifests
/// `usesDep` searches, and the package manager they select (railpack:core/providers/python/python.go).
struct PythonProject: Sendable {
    enum PackageManager: String, Sendable { case pip, uv, poetry, pdm, pipenv, none }

    /// Root files that make an app Python and name its entry, in order (python.go getMainPythonFile).
    static let mainFileNames = ["main.py", "app.py", "start.py", "bot.py", "hello.py", "server.py"]

    let app: RailpackApp
    let mainFile: String?
    let hasRequirements: Bool
    let hasPyproject: Bool
    let hasPipfile: Bool
    let hasPoetryLock: Bool
    let hasPdmLock: Bool
    let hasUvLock: Bool
    /// Lower-cased text of every requirements.txt, pyproject.toml and Pipfile in the tree.
    private let manifests: [String]
    /// Whether any `.py` file names Django's postgres or mysql backend (read in one pass).
    let mentionsPostgresBackend: Bool
    let mentionsMysqlBackend: Bool

    init(app: RailpackApp) {
        self.app = app
        mainFile = Self.mainFileNames.first { app.hasFile($0) }
        hasRequirements = app.hasFile("requirements.txt")
        hasPyproject = app.hasFile("pyproject.toml")
        hasPipfile = app.hasFile("Pipfile")
        hasPoetryLock = app.hasFile("poetry.lock")
        hasPdmLock = app.hasFile("pdm.lock")
        hasUvLock = app.hasFile("uv.lock")
        manifests = app.findFiles("**/{requirements.txt,pyproject.toml,Pipfile}").compactMap { app.readFile($0)?.lowercased() }
        var postgres = false, mysql = false
        for file in app.findFiles("**/*.py") where !(postgres && mysql) {
            guard let text = app.readFile(file) else { continue }
            // python.go usesPostgres, usesMysql: Go regexps where `.` is any character.
            postgres = postgres || Self.containsDotPattern(text, "django.db.backends.postgresql")
            mysql = mysql || Self.containsDotPattern(text, "django.db.backends.mysql")
        }
        mentionsPostgresBackend = postgres
        mentionsMysqlBackend = mysql
    }

    /// The first matching branch wins (python.go Plan): requirements.txt, then pyproject.toml
    /// with uv.lock, poetry.lock or pdm.lock, then a Pipfile; otherwise nothing is installed.
    var packageManager: PackageManager {
        if hasRequirements { return .pip }
        if hasPyproject && hasUvLock { return .uv }
        if hasPyproject && hasPoetryLock { return .poetry }
        if hasPyproject && hasPdmLock { return .pdm }
        if hasPipfile { return .pipenv }
        return .none
    }

    /// `usesDep`: a case-insensitive substring search of every manifest anywhere in the tree,
    /// comments included, so `fastapi-ipware` counts as fastapi (python.go usesDep).
    func usesDependency(_ name: String) -> Bool {
        let needle = name.lowercased()
        return manifests.contains { $0.contains(needle) }
    }

    /// A root `manage.py` and a dependency mentioning django (django.go isDjango).
    var isDjango: Bool { app.hasFile("manage.py") && usesDependency("django") }

    /// `.` matches any character but a newline, everything else itself (Go regexp syntax).
    static func containsDotPattern(_ text: String, _ pattern: String) -> Bool {
        let needle = Array(pattern.unicodeScalars)
        let hay = Array(text.unicodeScalars)
        guard needle.count <= hay.count else { return false }
        outer: for start in 0...(hay.count - needle.count) {
            for (offset, p) in needle.enumerated() {
                let c = hay[start + offset]
                if p == "." ? c == "\n" : c != p { continue outer }
            }
            return true
        }
        return false
    }
}
