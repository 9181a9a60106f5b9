import Railway
import Snapshot

/// Turns what a build installs (a requirements file, a lock file) into installed distributions
/// with their import names, plus notes for anything railsim could not interpret.
public enum PythonDependencies {
    /// Reads a requirements file and the files it includes with `-r`, iteratively and at most once
    /// each (so include cycles end). `directory` is where relative includes are resolved.
    public static func fromRequirements(_ path: RepoPath, in snapshot: RepoSnapshot, sitePackages: String,
                                        notes: inout [BuildNote]) -> [InstalledDistribution] {
        var result: [InstalledDistribution] = []
        var pending = [path]
        var seen = Set<RepoPath>()
        while let file = pending.popLast() {
            guard seen.insert(file).inserted, let text = try? snapshot.readText(file) else { continue }
            let parsed = RequirementsFile.parse(text, path: file.description)
            for entry in parsed.entries {
                let location = SourceLocation(file, line: entry.line)
                switch entry.kind {
                case .requirement(let requirement):
                    result.append(distribution(named: requirement.name, sitePackages: sitePackages, at: location, notes: &notes))
                case .url(let reference):
                    if let name = reference.name, reference.form != .localPath {
                        result.append(distribution(named: name, sitePackages: sitePackages, at: location, notes: &notes))
                    } else {
                        notes.append(.requirementNotModelled(text: reference.url, location: location))
                    }
                case .include(let included):
                    if let next = RepoPath(included, relativeTo: file.parent ?? .root) { pending.append(next) }
                case .constraint, .option:
                    continue
                }
            }
            for problem in parsed.problems {
                notes.append(.requirementNotModelled(text: problem.message, location: SourceLocation(file, line: problem.line)))
            }
        }
        return result
    }

    /// Packages pinned in a uv.lock / poetry.lock / pdm.lock: `[[package]]` tables with a `name`.
    /// A lock lists the whole resolved set, so transitive dependencies are included.
    public static func fromLockFile(_ path: RepoPath, in snapshot: RepoSnapshot, sitePackages: String,
                                    notes: inout [BuildNote]) -> [InstalledDistribution] {
        guard let text = try? snapshot.readText(path),
              let document = try? ConfigDocumentParser.parse(text, format: .toml, file: path.description),
              case .array(let packages)? = document.members?.first(where: { $0.key == "package" })?.value else { return [] }
        var result: [InstalledDistribution] = []
        for package in packages {
            guard case .string(let name)? = package.members?.first(where: { $0.key == "name" })?.value else { continue }
            result.append(distribution(named: name, sitePackages: sitePackages, at: SourceLocation(path), notes: &notes))
        }
        return result
    }

    /// `[packages]` of a Pipfile (installed by `pipenv install --skip-lock`).
    public static func fromPipfile(_ path: RepoPath, in snapshot: RepoSnapshot, sitePackages: String,
                                   notes: inout [BuildNote]) -> [InstalledDistribution] {
        guard let text = try? snapshot.readText(path),
              let document = try? ConfigDocumentParser.parse(text, format: .toml, file: path.description),
              let packages = document.members?.first(where: { $0.key == "packages" })?.value.members else { return [] }
        return packages.map { distribution(named: $0.key, sitePackages: sitePackages, at: SourceLocation(path, line: $0.line), notes: &notes) }
    }

    static func distribution(named name: String, sitePackages: String, at location: SourceLocation?,
                             notes: inout [BuildNote]) -> InstalledDistribution {
        switch DistributionCatalog.shared.importNames(forDistribution: name) {
        case .catalogue(let names, _, _):
            return InstalledDistribution(name: name, importNames: names, nameRule: .catalogue, sitePackages: sitePackages, requiredAt: location)
        case .normalizedNameGuess(let guess):
            notes.append(.requirementGuessed(distribution: name, importName: guess, location: location))
            return InstalledDistribution(name: name, importNames: [guess], nameRule: .guess, sitePackages: sitePackages, requiredAt: location)
        }
    }

    /// Console scripts of the launchers railsim knows, from their packaging metadata
    /// (`[project.scripts]` / `entry_points` of each project). Keyed by import name.
    public static let consoleScripts: [String: [String]] = [
        "uvicorn": ["uvicorn"],            // encode/uvicorn pyproject.toml [project.scripts]
        "gunicorn": ["gunicorn"],          // benoitc/gunicorn pyproject.toml [project.scripts]
        "hypercorn": ["hypercorn"],        // pgjones/hypercorn pyproject.toml
        "flask": ["flask"],                // pallets/flask pyproject.toml [project.scripts]
        "django": ["django-admin"],        // django/django pyproject.toml [project.scripts]
        "celery": ["celery"],              // celery/celery setup.py entry_points
        "daphne": ["daphne"],              // django/daphne setup.cfg entry_points
        "waitress": ["waitress-serve"],    // Pylons/waitress setup.cfg entry_points
        "fastapi_cli": ["fastapi"],        // fastapi/fastapi-cli pyproject.toml
        "streamlit": ["streamlit"],        // streamlit/streamlit setup.py entry_points
    ]

    /// Image nodes for installed distributions: each import name as an opaque package in
    /// site-packages, and known console scripts in the matching `bin/`.
    public static func nodes(for distributions: [InstalledDistribution], binDirectory: String) -> [String: ImageNode] {
        var nodes: [String: ImageNode] = [:]
        for distribution in distributions {
            for name in distribution.importNames {
                nodes[distribution.sitePackages + "/" + name] = .opaquePackage(distribution: distribution.name)
                for script in consoleScripts[name] ?? [] {
                    nodes[binDirectory + "/" + script] = .file(.distribution(distribution.name))
                }
            }
        }
        return nodes
    }
}
