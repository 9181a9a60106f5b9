/// A CPython version as `major.minor` plus, when known, the patch.
public struct PythonVersion: Sendable, Equatable, Comparable, Codable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int?

    public init(_ major: Int, _ minor: Int, _ patch: Int? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses "3.11", "3.11.4", "python-3.11.4" (the first `\d+(.\d+)?(.\d+)?`, as Railpack's
    /// `ExtractSemverVersion` does: railpack:internal/utils/utils.go).
    public init?(parsing text: String) {
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: { $0.properties.numericType != nil && $0.isASCII }) else { return nil }
        var numbers: [Int] = []
        var current = ""
        var index = start
        while index < scalars.count {
            let c = scalars[index]
            if c.isASCII, c.properties.numericType != nil {
                current.unicodeScalars.append(c)
            } else if c == ".", !current.isEmpty, numbers.count < 2 {
                numbers.append(Int(current) ?? 0)
                current = ""
            } else { break }
            index += 1
        }
        if !current.isEmpty { numbers.append(Int(current) ?? 0) }
        guard numbers.count >= 2 else { return nil }
        self.init(numbers[0], numbers[1], numbers.count > 2 ? numbers[2] : nil)
    }

    public var short: String { "\(major).\(minor)" }
    public var description: String { patch.map { "\(major).\(minor).\($0)" } ?? short }

    public static func < (lhs: PythonVersion, rhs: PythonVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch ?? -1) < (rhs.major, rhs.minor, rhs.patch ?? -1)
    }
}

/// The interpreter an image runs: where it lives, its stdlib and site directories.
public struct PythonInstallation: Sendable, Equatable {
    public var version: PythonVersion
    /// `sys.base_prefix`, e.g. `/usr/local` (official images) or `/mise/installs/python/3.13`.
    public var prefix: String
    /// Site directories of the base interpreter, in sys.path order.
    public var siteDirectories: [String]
    /// Where `version` came from (a file, a variable, a default), for the report.
    public var versionSource: String

    public init(version: PythonVersion, prefix: String, siteDirectories: [String], versionSource: String) {
        self.version = version
        self.prefix = prefix
        self.siteDirectories = siteDirectories
        self.versionSource = versionSource
    }

    /// `lib/python3X.zip`, `lib/python3.X`, `lib/python3.X/lib-dynload` under the prefix: the
    /// stdlib entries of sys.path for a `./configure` build (python-imports.md §1.3; sys_path_init docs).
    public var stdlibPaths: [String] {
        ["\(prefix)/lib/python\(version.major)\(version.minor).zip",
         "\(prefix)/lib/python\(version.short)",
         "\(prefix)/lib/python\(version.short)/lib-dynload"]
    }

    public var stdlibDirectory: String { "\(prefix)/lib/python\(version.short)" }
}

/// A virtual environment in the image (`pyvenv.cfg` decides; VIRTUAL_ENV does not:
/// python-imports.md §1.3 "How venv detection works").
public struct VirtualEnvironment: Sendable, Equatable {
    public var path: String
    public var includeSystemSitePackages: Bool
    public var sitePackages: String

    public init(path: String, version: PythonVersion, includeSystemSitePackages: Bool = false) {
        self.path = path
        self.includeSystemSitePackages = includeSystemSitePackages
        self.sitePackages = "\(path)/lib/python\(version.short)/site-packages"
    }
}
