import Railway

/// Whether a package manager installs the project itself at all, read from its pyproject.toml.
/// Shared by every builder that runs `uv sync`, `pdm install` or `poetry install`, so a Dockerfile
/// RUN line and a Railpack/Nixpacks install step decide the same way.
enum ProjectInstallRules {
    /// The top-level tables of a pyproject.toml text; nil when it is not TOML.
    static func document(_ text: String, file: String) -> [ConfigMember]? {
        (try? ConfigDocumentParser.parse(text, format: .toml, file: file))?.members
    }

    /// docs.astral.sh/uv/concepts/projects/config/#project-packaging: uv installs the project when it
    /// declares a [build-system] or sets `tool.uv.package = true` (and not when `package = false`).
    /// uv ≥ 0.4.0 (CHANGELOG 0.4.0, astral-sh/uv#6764): a project without [build-system] is virtual.
    static func uvInstallsProject(_ top: [ConfigMember]) -> Bool {
        if let package = top.member("tool")?.members?.member("uv")?.members?.member("package") { return package == .bool(true) }
        return top.member("build-system") != nil
    }

    /// pdm:src/pdm/project/core.py Project.is_distribution: a project with a name is installed unless
    /// `tool.pdm.package-type` is not "library" or `tool.pdm.distribution` is false (same in 2.13.3).
    static func pdmInstallsProject(_ top: [ConfigMember]) -> Bool {
        guard case .string? = top.member("project")?.members?.member("name") else { return false }
        let settings = top.member("tool")?.members?.member("pdm")?.members
        if let type = settings?.member("package-type") { return type == .string("library") }
        if let distribution = settings?.member("distribution") { return distribution == .bool(true) }
        return true
    }

    /// python-poetry.org/docs/pyproject/#package-mode: `package-mode = false` installs dependencies only.
    static func poetryPackageModeOff(_ top: [ConfigMember]) -> Bool {
        top.member("tool")?.members?.member("poetry")?.members?.member("package-mode") == .bool(false)
    }
}
