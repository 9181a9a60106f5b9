import Railway
import Snapshot

/// Turns what a build installs (a requirements file, a lock file) into installed distributions
/// with their import names, plus notes for anything railsim could not interpret.
public enum PythonDependencies {
    /// A distribution the build asks for by name: a requirement line, a Pipfile entry.
    struct Request: Sendable {
        var name: String
        var extras: [String]
        var location: SourceLocation?
    }

    /// Reads a requirements file and the files it includes with `-r`, iteratively and at most once
    /// each (so include cycles end), and installs what pip would: the requirements whose markers hold
    /// in the image, plus their dependencies (`closure`). `python` is the image's interpreter version.
    public static func fromRequirements(_ path: RepoPath, in snapshot: RepoSnapshot, sitePackages: String, python: PythonVersion?,
                                        notes: inout [BuildNote]) -> [InstalledDistribution] {
        let environment = PEP508Environment.linuxCPython(python: python)
        var requests: [Request] = []
        var pending = [path]
        var seen = Set<RepoPath>()
        while let file = pending.popLast() {
            guard seen.insert(file).inserted, let text = try? snapshot.readText(file) else { continue }
            let parsed = RequirementsFile.parse(text, path: file.description)
            for entry in parsed.entries {
                let location = SourceLocation(file, line: entry.line)
                if case .include(let included) = entry.kind, let next = RepoPath(included, relativeTo: file.parent ?? .root) { pending.append(next) }
                requests += request(for: entry, at: location, environment: environment, notes: &notes)
            }
            for problem in parsed.problems {
                notes.append(.requirementNotModelled(text: problem.message, location: SourceLocation(file, line: problem.line)))
            }
        }
        return closure(of: requests, sitePackages: sitePackages, environment: environment, notes: &notes)
    }

    /// Requirements given on a `pip install` command line (`pip install "fastapi[standard]" redis`):
    /// each argument is one requirement specifier, parsed like a requirements-file line, then the
    /// same closure as a requirements file (pip's docs: "pip install [options] <requirement specifier>").
    public static func fromCommandLine(_ specifiers: [String], at location: SourceLocation, sitePackages: String, python: PythonVersion?,
                                       notes: inout [BuildNote]) -> [InstalledDistribution] {
        let environment = PEP508Environment.linuxCPython(python: python)
        var requests: [Request] = []
        for specifier in specifiers {
            for entry in RequirementsFile.parse(specifier, path: location.file).entries {
                requests += request(for: entry, at: location, environment: environment, notes: &notes)
            }
        }
        return closure(of: requests, sitePackages: sitePackages, environment: environment, notes: &notes)
    }

    /// What one requirements entry asks pip to install: named requirements and `name @ url` whose
    /// markers hold; local paths are noted as not modelled; includes, constraints and options
    /// install nothing themselves.
    static func request(for entry: RequirementEntry, at location: SourceLocation, environment: PEP508Environment,
                        notes: inout [BuildNote]) -> [Request] {
        switch entry.kind {
        case .requirement(let requirement):
            guard markerHolds(requirement.marker, on: requirement.name, environment: environment, at: location, notes: &notes) else { return [] }
            return [Request(name: requirement.name, extras: requirement.extras, location: location)]
        case .url(let reference):
            guard let name = reference.name, reference.form != .localPath else {
                notes.append(.requirementNotModelled(text: reference.url, location: location))
                return []
            }
            guard markerHolds(reference.marker, on: name, environment: environment, at: location, notes: &notes) else { return [] }
            return [Request(name: name, extras: reference.extras, location: location)]
        case .include, .constraint, .option:
            return []
        }
    }

    /// PEP 508: a requirement whose marker is false for the target environment is not installed (pip
    /// `InstallRequirement.match_markers` with `extra == ""`). A marker that depends on a variable
    /// railsim does not know counts as true, and that is noted.
    static func markerHolds(_ marker: String?, on name: String, environment: PEP508Environment, at location: SourceLocation?,
                            notes: inout [BuildNote]) -> Bool {
        guard let marker else { return true }
        let outcome = PEP508Marker.evaluate(marker, in: environment, extras: [])
        if outcome.value == nil, let location {
            notes.append(.requirementNotModelled(text: "\(name); \(marker) (depends on \(outcome.unknownVariables.joined(separator: ", ")); assumed true)",
                                                 location: location))
        }
        return outcome.value != false
    }

    /// What `pip install` puts in site-packages for `requests`: each requested distribution and, from the
    /// catalogue's Requires-Dist, its dependencies whose markers hold in `environment` (with the extras
    /// each was asked for), transitively. An explicit worklist; each distribution is installed once and
    /// each (distribution, extra) expanded once, so dependency cycles end. A dependency gets the line of
    /// the requirement that pulled it in and the distribution that named it. railsim uses the catalogued
    /// wheel's metadata, not pip's resolver, so version-dependent differences are not modelled.
    static func closure(of requests: [Request], sitePackages: String, environment: PEP508Environment,
                        catalog: DistributionCatalog = .shared, notes: inout [BuildNote]) -> [InstalledDistribution] {
        struct Work {
            var name: String
            var extras: [String]
            var location: SourceLocation?
            var requiredBy: String?
        }
        var result: [InstalledDistribution] = []
        var installed = Set<String>()
        var expanded: [String: Set<String>] = [:]  // normalised name → extras already expanded ("" = base)
        var worklist: [Work] = requests.map { Work(name: $0.name, extras: $0.extras, location: $0.location, requiredBy: nil) }
        var next = 0
        while next < worklist.count {  // first in, first out: requested distributions keep their own lines
            let work = worklist[next]
            next += 1
            let key = PythonPackageName.normalize(work.name.pipTrimmed())
            guard !key.isEmpty else { continue }
            if installed.insert(key).inserted {
                // Notes only for what the user asked for: a dependency they never wrote is installed with
                // its guessed name (`nameRule` says so) but not reported line by line.
                var dependencyNotes: [BuildNote] = []
                var item = distribution(named: work.name, sitePackages: sitePackages, at: work.location, catalog: catalog,
                                        notes: &dependencyNotes)
                item.requiredBy = work.requiredBy
                result.append(item)
                if work.requiredBy == nil {
                    notes += dependencyNotes
                    if catalog.entry(forDistribution: key)?.dependencies == nil {
                        notes.append(.dependenciesUnknown(distribution: work.name, location: work.location))
                    }
                }
            }
            // Only extras not yet expanded for this distribution add dependencies.
            let wanted = [""] + work.extras.map(PythonPackageName.normalize)
            let new = wanted.filter { !expanded[key, default: []].contains($0) }
            guard !new.isEmpty else { continue }
            expanded[key, default: []].formUnion(new)
            let extras = new.filter { !$0.isEmpty }
            // Each dependency with the extras context its marker is evaluated in (pip `iter_dependencies`).
            var dependencies: [(CatalogDependency, [String])] = []
            if new.contains("") { dependencies += catalog.dependencies(of: key, extras: []).map { ($0, []) } }
            if !extras.isEmpty { dependencies += catalog.dependencies(of: key, extras: extras).map { ($0, extras) } }
            for (dependency, context) in dependencies {
                if let marker = dependency.marker {
                    let outcome = PEP508Marker.evaluate(marker, in: environment, extras: context)
                    if outcome.value == false { continue }
                    if outcome.value == nil, let location = work.location {
                        notes.append(.requirementNotModelled(
                            text: "\(dependency) (required by \(key); depends on \(outcome.unknownVariables.joined(separator: ", ")); assumed true)",
                            location: location))
                    }
                }
                worklist.append(Work(name: dependency.name, extras: dependency.extras, location: work.location, requiredBy: key))
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
            // uv.lock lists the project itself with `source = { virtual = "." }` or `{ editable = "." }`;
            // it is the app's own code, not a distribution from an index (uv's lockfile format, [EXP uv 0.13.9]).
            if let source = package.members?.first(where: { $0.key == "source" })?.value.members,
               source.contains(where: { ($0.key == "virtual" || $0.key == "editable") && $0.value == .string(".") }) { continue }
            result.append(distribution(named: name, sitePackages: sitePackages, at: SourceLocation(path), notes: &notes))
        }
        return result
    }

    /// `[packages]` of a Pipfile (installed by `pipenv install --skip-lock`, which resolves
    /// dependencies as pip does, so their closure is installed too).
    public static func fromPipfile(_ path: RepoPath, in snapshot: RepoSnapshot, sitePackages: String, python: PythonVersion?,
                                   notes: inout [BuildNote]) -> [InstalledDistribution] {
        guard let text = try? snapshot.readText(path),
              let document = try? ConfigDocumentParser.parse(text, format: .toml, file: path.description),
              let packages = document.members?.first(where: { $0.key == "packages" })?.value.members else { return [] }
        let requests = packages.map { Request(name: $0.key, extras: [], location: SourceLocation(path, line: $0.line)) }
        return closure(of: requests, sitePackages: sitePackages, environment: .linuxCPython(python: python), notes: &notes)
    }

    static func distribution(named name: String, sitePackages: String, at location: SourceLocation?,
                             catalog: DistributionCatalog = .shared, notes: inout [BuildNote]) -> InstalledDistribution {
        switch catalog.importNames(forDistribution: name) {
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
