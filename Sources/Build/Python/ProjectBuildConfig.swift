import Foundation
import Railway

/// The build backend a project names, which decides what installing the project itself writes.
enum ProjectBuildBackend: Sendable, Equatable {
    case setuptools, hatchling, poetryCore, flitCore, uvBuild, pdmBackend
    case other(String)

    /// PEP 517 `build-backend` strings of the backends railsim models.
    init(buildBackend: String?) {
        switch buildBackend?.split(separator: ":").first.map(String.init) {
        // peps.python.org/pep-0517/#source-trees: no [build-system] (or no build-backend) means setuptools'
        // legacy backend `setuptools.build_meta:__legacy__` (pip/_internal/pyproject.py load_pyproject_toml).
        case nil, "setuptools.build_meta": self = .setuptools
        case "hatchling.build": self = .hatchling
        // poetry-core's API; `poetry.masonry.api` is the same builder shipped inside old poetry releases.
        case "poetry.core.masonry.api", "poetry.masonry.api": self = .poetryCore
        case "flit_core.buildapi": self = .flitCore
        case "uv_build": self = .uvBuild
        case "pdm.backend": self = .pdmBackend
        case let other?: self = .other(other)
        }
    }

    var displayName: String {
        switch self {
        case .setuptools: return "setuptools"
        case .hatchling: return "hatchling"
        case .poetryCore: return "poetry-core"
        case .flitCore: return "flit-core"
        case .uvBuild: return "uv_build"
        case .pdmBackend: return "pdm-backend"
        case .other(let name): return name
        }
    }
}

/// The parts of a project's pyproject.toml that decide what its own install contains: the
/// distribution name and version, the backend, and the backend's `[tool.*]` table.
struct ProjectBuildConfig: Sendable {
    var name: String
    /// The static `[project] version`; nil when dynamic or absent.
    var version: String?
    var backend: ProjectBuildBackend
    /// `[tool]` members (each backend reads its own table).
    var tool: [ConfigMember]
    /// Console scripts: `[project.scripts]` (packaging.python.org/en/latest/specifications/pyproject-toml/#entry-points),
    /// else Poetry's `[tool.poetry.scripts]` string form (python-poetry.org/docs/pyproject/#scripts); name → `module:attr`.
    var scripts: [(name: String, target: String)] = []

    /// Nil when the file is not TOML or names no project (`[project] name`, or Poetry's `[tool.poetry] name`).
    init?(pyproject text: String, file: String) {
        guard let document = try? ConfigDocumentParser.parse(text, format: .toml, file: file), let top = document.members else { return nil }
        let project = top.member("project")?.members
        tool = top.member("tool")?.members ?? []
        let poetry = tool.member("poetry")?.members
        // python-poetry.org/docs/pyproject/#name: poetry-core 2 reads [project] first, then [tool.poetry].
        guard case .string(let name)? = project?.member("name") ?? poetry?.member("name") else { return nil }
        self.name = name
        if case .string(let version)? = project?.member("version") ?? poetry?.member("version") { self.version = version }
        for member in project?.member("scripts")?.members ?? poetry?.member("scripts")?.members ?? [] {
            if case .string(let target) = member.value { scripts.append((member.key, target)) }
        }
        let buildSystem = top.member("build-system")?.members
        if case .string(let backend)? = buildSystem?.member("build-backend") {
            self.backend = ProjectBuildBackend(buildBackend: backend)
        } else {
            self.backend = ProjectBuildBackend(buildBackend: nil)
        }
    }

    /// `[tool.<path>]`, e.g. `table("setuptools", "packages", "find")`.
    func table(_ path: String...) -> [ConfigMember]? {
        var members: [ConfigMember]? = tool
        for key in path { members = members?.member(key)?.members }
        return members
    }

    func value(_ path: String...) -> ConfigValue? {
        guard let last = path.last else { return nil }
        var members: [ConfigMember]? = tool
        for key in path.dropLast() { members = members?.member(key)?.members }
        return members?.member(last)
    }

    /// packaging.python.org/en/latest/specifications/binary-distribution-format/#escaping-and-unicode:
    /// the name in wheel and .dist-info file names, runs of `-_.` → `_`, lower-cased.
    var escapedName: String { PythonPackageName.normalize(name).replacingOccurrences(of: "-", with: "_") }

    /// setuptools writes "0.0.0" for a project without a version (setuptools/dist.py `_normalize_version`
    /// path through distutils `get_version`); railsim uses it for any version it cannot read (dynamic).
    var versionForFileNames: String { version ?? "0.0.0" }
}

extension Array where Element == ConfigMember {
    func member(_ key: String) -> ConfigValue? { first { $0.key == key }?.value }
}

extension ConfigValue {
    /// The strings of an array (other items skipped); a lone string as one item.
    var stringItems: [String] {
        switch self {
        case .string(let value): return [value]
        case .array(let items): return items.compactMap { if case .string(let value) = $0 { return value }; return nil }
        default: return []
        }
    }
}
