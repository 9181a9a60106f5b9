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

/// One `Requires-Dist` line of a wheel's core metadata
/// (https://packaging.python.org/en/latest/specifications/core-metadata/#requires-dist-multiple-use).
public struct CatalogDependency: Sendable, Hashable, CustomStringConvertible {
    /// PEP 503 normalised name.
    public var name: String
    /// Extras requested of the dependency (normalised), e.g. `["crt"]` for `botocore[crt]`.
    public var extras: [String]
    /// The environment marker as `packaging` prints it, e.g. `extra == "standard"`, or nil.
    public var marker: String?

    public init(name: String, extras: [String] = [], marker: String? = nil) {
        self.name = name
        self.extras = extras
        self.marker = marker
    }

    public var description: String {
        name + (extras.isEmpty ? "" : "[\(extras.joined(separator: ","))]") + (marker.map { "; \($0)" } ?? "")
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
        /// The wheel's Requires-Dist lines, unevaluated; nil when the metadata was not read (unknown).
        public var dependencies: [CatalogDependency]?
    }

    public static let shared = DistributionCatalog(chunks: DistributionCatalog.generatedData)

    public let entries: [String: Entry]
    private let byImport: [String: [String]]

    /// Parses the generated tab-separated data (see `generatedData`); malformed lines are skipped.
    init(data: String) { self.init(chunks: [data]) }

    /// Parses the generated chunks; the split into lines happens here, on first use of `shared`.
    init(chunks: [String]) {
        var entries: [String: Entry] = [:]
        var byImport: [String: [String]] = [:]
        for line in chunks.lazy.flatMap({ $0.split(whereSeparator: \.isNewline) }) {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4, !f[0].isEmpty else { continue }
            let names = f[3].split(separator: ",").map(String.init)
            let namespace = f.count > 4 ? f[4].split(separator: ",").map(String.init) : []
            let dependencies = f.count > 5 ? Self.parseDependencies(f[5]) : nil
            entries[f[0]] = Entry(distribution: f[0], wheelVersion: f[1], source: f[2] == "t" ? .topLevelTxt : .record,
                                  importNames: names, namespaceModules: namespace, dependencies: dependencies)
            for name in names { byImport[name, default: []].append(f[0]) }
        }
        self.entries = entries
        self.byImport = byImport.mapValues { $0.sorted() }
    }

    /// `name[extra,extra];marker` items joined by `|`; `?` = unknown (the generator's `render_deps`).
    static func parseDependencies(_ field: String) -> [CatalogDependency]? {
        if field == "?" { return nil }
        return field.split(separator: "|").compactMap { item -> CatalogDependency? in
            let parts = item.split(separator: ";", maxSplits: 1)
            guard var spec = parts.first.map(String.init), !spec.isEmpty else { return nil }
            var extras: [String] = []
            if let open = spec.firstIndex(of: "["), spec.hasSuffix("]") {
                extras = spec[spec.index(after: open)..<spec.index(before: spec.endIndex)].split(separator: ",").map(String.init)
                spec = String(spec[..<open])
            }
            return CatalogDependency(name: spec, extras: extras, marker: parts.count > 1 ? String(parts[1]) : nil)
        }
    }

    /// The Requires-Dist of a distribution that apply when it is installed with `extras`: those without an
    /// `extra` condition and those whose `extra == "…"` names a requested extra (pip
    /// `iter_dependencies`). Other marker conditions are left for the caller to evaluate against the
    /// image; markers that depend only on them are kept. Empty for a distribution not in the catalogue
    /// or whose metadata was not read (`entry(forDistribution:)?.dependencies` tells those apart).
    public func dependencies(of distribution: String, extras: [String]) -> [CatalogDependency] {
        guard let all = entry(forDistribution: distribution)?.dependencies else { return [] }
        return all.filter { dependency in
            guard let marker = dependency.marker else { return true }
            return PEP508Marker.evaluate(marker, in: .extrasOnly, extras: extras).value != false
        }
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
