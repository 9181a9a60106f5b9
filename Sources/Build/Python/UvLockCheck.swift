import Railway
import Snapshot

/// Whether `uv sync --locked` (Railpack's uv install step, railpack:core/providers/python/python.go)
/// refuses a uv.lock as out of date. uv keeps the project's requirements in the lock
/// (`[package.metadata] requires-dist` of the project's own `[[package]]`) and, with `--locked`,
/// fails unless they equal pyproject.toml's `[project].dependencies` up to name and whitespace
/// normalisation: adding, removing or changing any constraint makes the lock stale, even a change
/// that still admits the locked version [EXP uv 0.13.9, `uv sync --locked` and `uv lock --check`].
public enum UvLockCheck {
    /// What `uv sync --locked` prints for a stale lock [EXP uv 0.13.9]. Railpack installs uv
    /// "latest" through mise (python.go `miseStep.Default("uv", "latest")`), so the newest format applies;
    /// uv before 0.5 printed the hint on the same line (astral-sh/uv#8581, uv 0.4.27).
    public static let message = "error: The lockfile at `uv.lock` needs to be updated, but `--locked` was provided.\n\nhint: To update the lockfile, run `uv lock`.\n"

    public struct Drift: Sendable, Equatable {
        /// Normalised names in pyproject.toml that the lock's project entry does not require.
        public var added: [String]
        /// Names the lock's project entry requires that pyproject.toml no longer lists.
        public var removed: [String]
        /// `name: lock-constraint → pyproject-constraint` for requirements whose constraints differ.
        public var changed: [String]
        public var pyprojectLine: Int?

        public var isStale: Bool { !(added.isEmpty && removed.isEmpty && changed.isEmpty) }
    }

    /// nil when a file is missing or unreadable, the lock has no entry for the project, or a
    /// requirement carries extras or a marker (compared by uv in forms railsim does not normalise).
    public static func drift(pyproject: RepoPath, lock: RepoPath, in snapshot: RepoSnapshot) -> Drift? {
        guard let pyText = try? snapshot.readText(pyproject), let lockText = try? snapshot.readText(lock),
              let py = try? ConfigDocumentParser.parse(pyText, format: .toml, file: pyproject.description),
              let locked = try? ConfigDocumentParser.parse(lockText, format: .toml, file: lock.description),
              let project = py.members?.first(where: { $0.key == "project" })?.value.members,
              case .string(let projectName)? = project.first(where: { $0.key == "name" })?.value,
              case .array(let packages)? = locked.members?.first(where: { $0.key == "package" })?.value else { return nil }
        let dependencies = project.first { $0.key == "dependencies" }
        var declared: [String: Set<String>] = [:]
        if case .array(let items)? = dependencies?.value {
            for case .string(let text) in items {
                guard case .success(let requirement) = PEP508Parser.parse(text), requirement.extras.isEmpty,
                      requirement.marker == nil, requirement.url == nil else { return nil }
                declared[PythonPackageName.normalize(requirement.name), default: []].formUnion(requirement.clauses.map(\.description))
            }
        }
        var required: [String: Set<String>]? = nil
        for package in packages {
            guard let members = package.members, case .string(let name)? = members.first(where: { $0.key == "name" })?.value,
                  PythonPackageName.normalize(name) == PythonPackageName.normalize(projectName) else { continue }
            var entries: [String: Set<String>] = [:]
            if let metadata = members.first(where: { $0.key == "metadata" })?.value.members,
               case .array(let requires)? = metadata.first(where: { $0.key == "requires-dist" })?.value {
                for entry in requires {
                    guard let fields = entry.members, case .string(let dependency)? = fields.first(where: { $0.key == "name" })?.value else { continue }
                    if fields.contains(where: { $0.key == "extras" || $0.key == "marker" }) { return nil }
                    var clauses: Set<String> = []
                    if case .string(let specifier)? = fields.first(where: { $0.key == "specifier" })?.value {
                        // uv writes the specifier set normalised: `>=1.15` or `>=1.0, <2` (PEP 440 form).
                        guard case .success(let parsed) = PEP508Parser.parse("x" + specifier) else { return nil }
                        clauses = Set(parsed.clauses.map(\.description))
                    }
                    entries[PythonPackageName.normalize(dependency), default: []].formUnion(clauses)
                }
            }
            required = entries
        }
        guard let required else { return nil }
        let changed = declared.keys.sorted().compactMap { name -> String? in
            guard let lockClauses = required[name], let own = declared[name], lockClauses != own else { return nil }
            func show(_ clauses: Set<String>) -> String { clauses.isEmpty ? "(any)" : clauses.sorted().joined(separator: ",") }
            return "\(name): \(show(lockClauses)) → \(show(own))"
        }
        return Drift(added: Set(declared.keys).subtracting(required.keys).sorted(), removed: Set(required.keys).subtracting(declared.keys).sorted(),
                     changed: changed, pyprojectLine: dependencies?.line)
    }
}
