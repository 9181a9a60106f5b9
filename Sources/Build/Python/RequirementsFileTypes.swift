// Value types produced by `RequirementsFile.parse`. The format is pip's
// (https://pip.pypa.io/en/stable/reference/requirements-file-format/); requirement strings are
// PEP 508 (https://peps.python.org/pep-0508/), names normalised per PEP 503.

/// One version clause such as `>=1.2` (PEP 440 operators).
public struct RequirementVersionClause: Sendable, Hashable, CustomStringConvertible {
    public var op: String
    public var version: String
    public var description: String { op + version }
}

/// A PEP 508 requirement by name: `name[extras] specifier ; marker`.
public struct PythonRequirement: Sendable, Hashable {
    /// The name as written, e.g. `PyYAML`.
    public var name: String
    /// PEP 503 form, e.g. `pyyaml`.
    public var normalizedName: String
    /// Extras in the order written, duplicates removed, e.g. `["standard"]` for `uvicorn[standard]`.
    public var extras: [String]
    /// The version clauses as written, whitespace removed, e.g. `>=1.0,<2` (empty when none).
    public var specifier: String
    public var clauses: [RequirementVersionClause]
    /// Marker text normalised the way `packaging` prints it (`python_version < "3.11"`), nil if none.
    public var marker: String?
}

/// How a requirement that is not a plain name refers to its code.
public enum RequirementReferenceForm: Sendable, Hashable {
    /// PEP 508 `name @ url`.
    case nameAtURL
    /// A VCS URL such as `git+https://...#egg=name`.
    case vcs
    /// An `http(s)://`, `ftp://` or `file://` URL (archive or directory).
    case url
    /// A local path: `.`, `./pkg`, `/abs/dir`, `dist/x.whl`.
    case localPath
}

/// A requirement given by URL or path (pip "URL or path" lines, `-e`, PEP 508 direct references).
public struct RequirementDirectReference: Sendable, Hashable {
    /// The project name if it can be known without building: the PEP 508 name, the `#egg=` fragment,
    /// or a wheel file name's first component. Nil for e.g. `./pkg` or a bare sdist URL.
    public var name: String?
    public var normalizedName: String?
    /// The URL or path without extras and without the marker.
    public var url: String
    public var form: RequirementReferenceForm
    public var extras: [String]
    public var marker: String?
}

public enum RequirementEntryKind: Sendable, Hashable {
    case requirement(PythonRequirement)
    case url(RequirementDirectReference)
    /// `-r path` / `--requirement path`: another requirements file, relative to this one.
    case include(String)
    /// `-c path` / `--constraint path`.
    case constraint(String)
    /// Any other global option, normalised to `--long-name value` (e.g. `--index-url https://...`).
    case option(String)
}

public struct RequirementEntry: Sendable, Hashable {
    /// 1-based number of the first physical line of this logical line.
    public var line: Int
    public var kind: RequirementEntryKind
    /// `-e` / `--editable`.
    public var editable: Bool
    /// `--hash` values after the requirement, e.g. `sha256:abcd...`.
    public var hashes: [String]
    /// Other per-requirement options (`--config-settings`, `--global-option`), as written.
    public var requirementOptions: [String]

    /// The normalised project name if known (requirements and named direct references).
    public var normalizedName: String? {
        switch kind {
        case .requirement(let r): return r.normalizedName
        case .url(let d): return d.normalizedName
        default: return nil
        }
    }
}

/// A line pip would reject (or that cannot be understood), with a message for the user.
public struct RequirementProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: Sendable, Hashable {
        /// `pip install -r` fails on this line.
        case error
        /// pip accepts the line but ignores part of it, or it depends on the machine (e.g. a local path).
        case warning
    }

    public var line: Int
    public var severity: Severity
    public var message: String
    public var description: String { "line \(line): \(severity == .error ? "error" : "warning"): \(message)" }
}
