/// The interpreter Nixpacks' Python provider installs: a nix package and the nixpkgs revision it
/// comes from (nixpacks:src/providers/python.rs `get_nix_python_package`).
struct NixpacksPythonVersion: Equatable {
    var package: String
    var archive: String
    /// What decided it, for the report.
    var source: String

    static let defaultPackage = "python3"                                              // python.rs DEFAULT_PYTHON_PKG_NAME
    static let archive = "bc8f8d1be58e8c8383e683a06e1e1e57893fff87"                    // python.rs PYTHON_NIXPKGS_ARCHIVE
    static let legacyArchive = "5148520bfab61f99fd25fb9ff7bfbb50dad3c9db"              // python.rs LEGACY_PYTHON_NIXPKGS_ARCHIVE

    /// The request, read the way python.rs does. The chain is `if (no variable && .python-version)
    /// … else if runtime.txt … else if Pipfile … else if .tool-versions`, so with
    /// `NIXPACKS_PYTHON_VERSION` set, a runtime.txt, Pipfile or .tool-versions still replaces it
    /// (and a Pipfile without a version clears it).
    static func resolve(_ app: NixpacksApp, environment: NixpacksEnvironment,
                        warnings: inout [String]) throws(NixpacksPlanError) -> NixpacksPythonVersion {
        var request = environment.configVariable("PYTHON_VERSION")
        var source = request == nil ? nil : "NIXPACKS_PYTHON_VERSION"
        if request == nil && app.includesFile(".python-version") {
            request = try app.readFile(".python-version")
            source = ".python-version"
        } else if app.includesFile("runtime.txt") {
            request = try app.readFile("runtime.txt")
            source = "runtime.txt"
        } else if app.includesFile("Pipfile") {
            // python.rs parse_pipfile_python_version: the leftmost match's version group.
            let captures = NixpacksPatterns.captures(NixpacksPatterns.pipfilePythonVersion, try app.readFile("Pipfile"))
            request = captures.flatMap { $0.count > 2 ? $0[2] : nil }
            source = request == nil ? nil : "Pipfile [requires]"
        } else if app.includesFile(".tool-versions") {
            request = try toolVersionsPython(try app.readFile(".tool-versions"), warnings: &warnings)
            source = request == nil ? nil : ".tool-versions"
        }
        guard let request, let source else {
            return NixpacksPythonVersion(package: defaultPackage, archive: archive, source: "Nixpacks' default")
        }
        return fromRequest(request, source: source)
    }

    /// The regex python.rs applies to the trimmed request, and its table of major.minor pairs.
    /// Both groups always take part, so "2" gives ("2", "") and falls to the default.
    static func fromRequest(_ request: String, source: String) -> NixpacksPythonVersion {
        let fallback = NixpacksPythonVersion(package: defaultPackage, archive: archive, source: "\(source), a version Nixpacks does not map, so its default")
        guard let groups = NixpacksPatterns.captures(NixpacksPatterns.pythonVersion, NixpacksText.trim(request)), groups.count > 2 else {
            return fallback
        }
        switch (groups[1] ?? "_", groups[2] ?? "_") {                        // python.rs get_nix_python_package (match table)
        case ("3", "13"): return NixpacksPythonVersion(package: "python313", archive: archive, source: source)
        case ("3", "12"): return NixpacksPythonVersion(package: "python312", archive: archive, source: source)
        case ("3", "11"): return NixpacksPythonVersion(package: "python311", archive: archive, source: source)
        case ("3", "10"): return NixpacksPythonVersion(package: "python310", archive: archive, source: source)
        case ("3", "9"): return NixpacksPythonVersion(package: "python39", archive: legacyArchive, source: source)
        case ("3", "8"): return NixpacksPythonVersion(package: "python38", archive: legacyArchive, source: source)
        case ("3", "7"): return NixpacksPythonVersion(package: "python37", archive: legacyArchive, source: source)
        case ("2", "7"), ("2", "_"): return NixpacksPythonVersion(package: "python27", archive: legacyArchive, source: source)
        default: return fallback
        }
    }

    /// python.rs parse_tool_versions_python_version: `python x.y.z` cut to `x.y`, with a warning
    /// for other shapes. A version without a dot makes Nixpacks index past its parts and panic.
    static func toolVersionsPython(_ text: String, warnings: inout [String]) throws(NixpacksPlanError) -> String? {
        guard let version = NixpacksToolVersions.parse(text)["python"] else { return nil }
        let parts = NixpacksEnvironment.split(version, omittingEmpty: false) { $0 == "." }
        if parts.count != 3 && parts.count != 2 {
            warnings.append("Could not find a python version string in the format x.y.z or x.y from .tool-versions. Found \(parts.joined(separator: ".")). Skipping")
        }
        guard parts.count >= 2 else {
            throw NixpacksPlanError(.nixpacks, "Nixpacks panicked: index out of bounds reading the python version `\(version)` in .tool-versions")
        }
        return "\(parts[0]).\(parts[1])"
    }

    /// The interpreter a nix package provides. `python3` in Nixpacks' pinned nixpkgs is 3.11, as its
    /// docs list it as the default (nixpacks:docs/pages/docs/providers/python.md).
    static func interpreter(ofPackage package: String) -> PythonVersion? {
        switch package {
        case "python3": return PythonVersion(3, 11)
        case "python313": return PythonVersion(3, 13)
        case "python312": return PythonVersion(3, 12)
        case "python311": return PythonVersion(3, 11)
        case "python310": return PythonVersion(3, 10)
        case "python39": return PythonVersion(3, 9)
        case "python38": return PythonVersion(3, 8)
        case "python37": return PythonVersion(3, 7)
        case "python27": return PythonVersion(2, 7)
        default: return nil
        }
    }
}
