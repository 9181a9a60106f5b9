// Distribution name → top-level import names for the most-downloaded PyPI distributions, read from
// their wheels by scripts/generate-distribution-map.py (data in DistributionCatalogData.swift).
// Used when a requirement cannot be expanded to files: research python-imports.md §5.1–§5.2.

/// How an import name for a distribution was found.
public enum ImportNameLookup: Sendable, Hashable {
    /// From the catalogue: the wheel's `top_level.txt` or names inferred from its `RECORD`.
    case catalogue(names: [String], wheelVersion: String, source: DistributionCatalog.NameSource)
    /// Not in the catalogue: the fallback rule deptry uses (`deptry/dependency.py`), PEP 503 name with
    /// dashes turned into underscores (`python-foo` → `python_foo`). Only a guess.
    case normalizedNameGuess(String)

    /// The candidate top-level names, whichever rule matched.
    public var names: [String] {
        switch self {
        case .catalogue(let names, _, _): return names
        case .normalizedNameGuess(let name): return [name]
        }
    }

    /// A short phrase saying which rule produced the names, for reports.
    public var rule: String {
        switch self {
        case .catalogue(_, let version, .topLevelTxt): return "top_level.txt of the \(version) wheel"
        case .catalogue(_, let version, .record): return "RECORD of the \(version) wheel"
        case .normalizedNameGuess: return "guess from the distribution name (not in the catalogue)"
        }
    }
}

public struct DistributionCatalog: Sendable {
    /// Which file of the wheel the names came from. `importlib.metadata.packages_distributions()`
    /// prefers `top_level.txt` and falls back to `RECORD` (research §5.1).
    public enum NameSource: Sendable, Hashable {
        case topLevelTxt
        case record
    }

    public struct Entry: Sendable, Hashable {
        /// PEP 503 normalised distribution name.
        public var distribution: String
        public var wheelVersion: String
        public var source: NameSource
        /// Top-level import names (may be empty, e.g. for `*-stubs` distributions).
        public var importNames: [String]
        /// For namespace top levels such as `google`: the first regular modules below them
        /// (`google.cloud.storage`, `google.protobuf`), to tell namespace distributions apart.
        public var namespaceModules: [String]
    }

    public static let shared = DistributionCatalog(data: DistributionCatalog.generatedData)

    public let entries: [String: Entry]
    private let byImport: [String: [String]]

    /// Parses the generated tab-separated data; malformed lines are skipped.
    init(data: String) {
        var entries: [String: Entry] = [:]
        var byImport: [String: [String]] = [:]
        for line in data.split(whereSeparator: \.isNewline) {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, !f[0].isEmpty else { continue }
            let names = f[3].split(separator: ",").map(String.init)
            let namespace = f.count > 4 ? f[4].split(separator: ",").map(String.init) : []
            entries[f[0]] = Entry(distribution: f[0], wheelVersion: f[1], source: f[2] == "t" ? .topLevelTxt : .record,
                                  importNames: names, namespaceModules: namespace)
            for name in names { byImport[name, default: []].append(f[0]) }
        }
        self.entries = entries
        self.byImport = byImport.mapValues { $0.sorted() }
    }

    /// The catalogue entry for a distribution name in any spelling (`PyYAML`, `pyyaml`, `py_yaml`…).
    public func entry(forDistribution name: String) -> Entry? {
        entries[PythonPackageName.normalize(name.pipTrimmed())]
    }

    /// Top-level import names a distribution provides, or the fallback guess, saying which rule matched.
    public func importNames(forDistribution name: String) -> ImportNameLookup {
        if let e = entry(forDistribution: name) {
            return .catalogue(names: e.importNames, wheelVersion: e.wheelVersion, source: e.source)
        }
        return .normalizedNameGuess(PythonPackageName.normalize(name.pipTrimmed()).replacingDashes())
    }

    /// Distributions (PEP 503 names) whose wheels provide the top-level import `topLevel`, for fixes
    /// such as "add pyyaml to requirements.txt". A distribution whose name is the import name itself
    /// comes first; the rest are sorted.
    public func distributions(providingImport topLevel: String) -> [String] {
        let found = byImport[topLevel] ?? []
        let own = PythonPackageName.normalize(topLevel)
        return found.filter { $0 == own } + found.filter { $0 != own }
    }

    /// Like `distributions(providingImport:)` for a dotted module; for namespace top levels only the
    /// distributions that ship that part of the namespace (`google.cloud.storage` →
    /// `google-cloud-storage`, not `protobuf`).
    public func distributions(providingModule dotted: String) -> [String] {
        let top = dotted.split(separator: ".", maxSplits: 1).first.map(String.init) ?? dotted
        let candidates = distributions(providingImport: top)
        guard dotted.contains(".") else { return candidates }
        return candidates.filter { dist in
            guard let e = entries[dist], !e.namespaceModules.filter({ $0.hasPrefix(top + ".") }).isEmpty else {
                return true  // a regular package: anything below it may be there
            }
            return e.namespaceModules.contains { m in
                dotted == m || dotted.hasPrefix(m + ".") || m.hasPrefix(dotted + ".")
            }
        }
    }
}

extension String {
    fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
