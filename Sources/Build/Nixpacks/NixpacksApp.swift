import Railway
import Snapshot

/// The directory Nixpacks analyses (the service's root directory) and the service variables
/// it reads (`NIXPACKS_*`), with the few lookups its Python provider needs.
struct NixpacksApp {
    let snapshot: RepoSnapshot
    let root: RepoPath
    let variables: ServiceSettings

    func path(_ name: String) -> RepoPath { RepoPath(name, relativeTo: root) ?? root }
    func has(_ name: String) -> Bool { snapshot.exists(path(name)) }
    func text(_ name: String) -> String? { try? snapshot.readText(path(name)) }
    /// A set, non-blank variable, trimmed.
    func variable(_ name: String) -> String? {
        guard let value = variables.variable(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
