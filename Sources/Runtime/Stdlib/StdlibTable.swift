// Standard-library facts per CPython minor version (3.8–3.13), backed by the generated
// StdlibData3_<minor>.swift files (scripts/generate-stdlib-tables.py). Hand-written: the API and
// the parser of the generated text. See research python-imports.md §1.5 and §5.3.

/// What kind of file a standard-library module is, as FileFinder would find it in the stdlib
/// directory or lib-dynload.
public enum StdlibModuleKind: Sendable, Hashable {
    /// A directory with `__init__.py`.
    case package
    /// A directory without `__init__` (a namespace package portion, e.g. `idlelib.Icons`).
    case namespacePackage
    /// A `.py` file.
    case source
    /// A `.pyc` file without source (none in a normal install; kept for completeness).
    case bytecode
    /// A compiled extension module; the associated value is its file name in lib-dynload,
    /// e.g. `_ssl.cpython-311-x86_64-linux-gnu.so`.
    case `extension`(fileName: String)
}

/// One importable standard-library module found on disk.
public struct StdlibModule: Sendable, Hashable {
    public var name: String
    public var kind: StdlibModuleKind

    public var isPackage: Bool {
        switch kind {
        case .package, .namespacePackage: return true
        default: return false
        }
    }
}

/// Where the standard library lives relative to `sys.prefix` (`/usr/local` in the official
/// `python:3.X` images, which use the configure defaults; research §1.3).
public struct StdlibLayout: Sendable, Hashable {
    /// `lib/python3X.zip`: on sys.path but normally absent.
    public var zipPath: String
    /// `lib/python3.X`.
    public var stdlibDirectory: String
    /// `lib/python3.X/lib-dynload`: extension modules.
    public var dynloadDirectory: String
    /// `lib/python3.X/site-packages`.
    public var sitePackagesDirectory: String

    /// The stdlib entries of sys.path in order, for a given prefix such as `/usr/local`.
    public func sysPathEntries(prefix: String) -> [String] {
        let base = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        return [zipPath, stdlibDirectory, dynloadDirectory].map { base + "/" + $0 }
    }
}

/// Standard-library names of one CPython minor version, generated from a real interpreter.
public struct StdlibTable: Sendable {
    /// Python 3.`minor`, for 8...13; nil for versions without a generated table.
    public static func table(minor: Int) -> StdlibTable? {
        generatedTable(minor: minor)
    }

    /// The nearest table for a minor version outside the generated range (used when a project asks
    /// for e.g. 3.14: the newest table is the best available guess). Nil only if no table exists.
    public static func nearestTable(minor: Int) -> StdlibTable? {
        if let exact = table(minor: minor) { return exact }
        guard let lo = supportedMinors.min(), let hi = supportedMinors.max() else { return nil }
        return table(minor: minor < lo ? lo : hi)
    }

    /// Full version of the interpreter the data came from, e.g. "3.11.7".
    public var generatedFrom: String
    /// The minor version, e.g. 11.
    public var minor: Int
    /// `importlib.machinery.EXTENSION_SUFFIXES`, most specific first.
    public var extensionSuffixes: [String]
    /// `sys.implementation.cache_tag`, e.g. "cpython-311" (names `__pycache__/*.cpython-311.pyc`).
    public var cacheTag: String
    public var layout: StdlibLayout
    /// `sys.builtin_module_names`: compiled into the interpreter, found before sys.path.
    public var builtinModuleNames: Set<String>
    /// Frozen modules, found by FrozenImporter before sys.path. 3.11+: `_imp._frozen_module_names()`;
    /// before that the few names `_imp.is_frozen()` confirms (`zipimport`, `_frozen_importlib`, ...).
    public var frozenModuleNames: Set<String>
    /// Stdlib modules already in `sys.modules` when a script starts (`site` has run, no `.pth` files);
    /// an import of these is answered from the cache, so a local file of the same name is not used.
    public var startupModules: Set<String>
    /// Dotted names that importing their parent registers in `sys.modules` without a file of their own
    /// (`typing.io`/`typing.re` on 3.8–3.12, `xml.parsers.expat.errors`, `os.path`); `import typing.io`
    /// succeeds because the import system checks `sys.modules` after importing the parent.
    public var registeredAliases: Set<String>
    /// `sys.stdlib_module_names` (3.10+): stdlib top-level names for *all* platforms; nil before 3.10.
    public var stdlibModuleNames: Set<String>?
    /// Names in `sys.stdlib_module_names` with no file, builtin or frozen module in the generating
    /// build: Windows/macOS-only modules and optional extensions the build lacked (`_dbm`, `_gdbm`).
    /// The official images may have some of them, so treat these as "may be absent".
    public var possiblyAbsentModules: Set<String>
    private var modules: [String: StdlibModuleKind]
    private var topLevelFiles: Set<String>

    /// True if `name` is in `sys.builtin_module_names`.
    public func isBuiltin(_ name: String) -> Bool { builtinModuleNames.contains(name) }

    /// True if `dotted` is a frozen module (3.11+ includes `os.path`, `importlib.util`, `runpy`).
    public func isFrozen(_ dotted: String) -> Bool { frozenModuleNames.contains(dotted) }

    /// True if `dotted` is in `sys.modules` before the first line of the script runs.
    public func isImportedAtStartup(_ dotted: String) -> Bool { startupModules.contains(dotted) }

    /// True if a same-named file earlier on sys.path cannot replace this module: builtins and frozen
    /// modules are found by meta-path finders that run before PathFinder, and start-up modules are
    /// already cached in sys.modules (research §1.5).
    public func cannotBeShadowed(_ dotted: String) -> Bool {
        isBuiltin(dotted) || isFrozen(dotted) || isImportedAtStartup(dotted)
    }

    /// The module file found by walking the stdlib directory and lib-dynload, if any. Builtin and
    /// frozen modules with no file (e.g. `sys`, `os.path`) return nil; use `isPresent` for "importable".
    public func module(_ dotted: String) -> StdlibModule? {
        modules[dotted].map { StdlibModule(name: dotted, kind: $0) }
    }

    /// True if `import dotted` succeeds on a stock Linux build of this version with nothing else on
    /// sys.path: builtin, frozen, already in sys.modules at start-up, registered by its parent
    /// (`typing.io`), or a file in the stdlib (excluding `test` internals).
    public func isPresent(_ dotted: String) -> Bool {
        isBuiltin(dotted) || isFrozen(dotted) || modules[dotted] != nil || startupModules.contains(dotted)
            || registeredAliases.contains(dotted)
    }

    /// True if `name` (a top-level name) belongs to the standard library of this version: a builtin,
    /// a frozen or on-disk top-level module, or (3.10+) a member of `sys.stdlib_module_names`, which
    /// also lists modules of other platforms such as `winreg` (see `possiblyAbsentModules`).
    public func isStdlibTopLevel(_ name: String) -> Bool {
        if isBuiltin(name) || topLevelFiles.contains(name) || frozenModuleNames.contains(name) { return true }
        return stdlibModuleNames?.contains(name) ?? false
    }

    /// True if `name` is a stdlib name that this kind of build may lack (see `possiblyAbsentModules`).
    public func mayBeAbsent(_ name: String) -> Bool {
        let top = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
        return possiblyAbsentModules.contains(top)
    }

    /// True if the module lives inside a `test`, `tests` or `idle_test` directory, which the official
    /// images delete after `make install` (docker-library/python Dockerfile: `find /usr/local -depth
    /// \( -type d -a \( -name test -o -name tests -o -name idle_test \) \) ... -exec rm -rf`).
    public func isRemovedInOfficialImages(_ dotted: String) -> Bool {
        dotted.split(separator: ".").contains { $0 == "test" || $0 == "tests" || $0 == "idle_test" }
    }

    /// All on-disk module names, sorted (dotted).
    public var moduleNames: [String] { modules.keys.sorted() }

    /// The direct submodules of a package, sorted.
    public func submodules(of package: String) -> [String] {
        let prefix = package + "."
        return modules.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains(".") }.sorted()
    }

    init(raw: StdlibRawData) {
        generatedFrom = raw.generatedFrom
        let parts = raw.generatedFrom.split(separator: ".")
        minor = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        extensionSuffixes = raw.extensionSuffixes
        cacheTag = raw.cacheTag
        layout = StdlibLayout(zipPath: raw.zipPath, stdlibDirectory: raw.stdlibDirectory,
                              dynloadDirectory: raw.dynloadDirectory, sitePackagesDirectory: raw.sitePackagesDirectory)
        builtinModuleNames = Self.words(raw.builtins)
        frozenModuleNames = raw.frozen.map(Self.words) ?? []
        startupModules = Self.words(raw.startupModules)
        registeredAliases = Self.words(raw.registeredAliases)
        stdlibModuleNames = raw.stdlibModuleNames.map(Self.words)
        possiblyAbsentModules = Self.words(raw.mayBeAbsent)
        var parsed: [String: StdlibModuleKind] = [:]
        for line in raw.modules.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", maxSplits: 1)
            guard fields.count == 2 else { continue }
            parsed[String(fields[0])] = Self.kind(fields[1])
        }
        modules = parsed
        topLevelFiles = Set(parsed.keys.filter { !$0.contains(".") })
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0.isNewline }).map(String.init))
    }

    private static func kind(_ code: Substring) -> StdlibModuleKind {
        switch code {
        case "p": return .package
        case "n": return .namespacePackage
        case "b": return .bytecode
        case "s": return .source
        default:
            if code.hasPrefix("e:") { return .extension(fileName: String(code.dropFirst(2))) }
            return .source
        }
    }
}

/// The generated data for one version, as compact strings (see scripts/generate-stdlib-tables.py).
struct StdlibRawData: Sendable {
    var generatedFrom: String
    var cacheTag: String
    var extensionSuffixes: [String]
    var zipPath: String
    var stdlibDirectory: String
    var dynloadDirectory: String
    var sitePackagesDirectory: String
    var builtins: String
    var frozen: String?
    var startupModules: String
    var registeredAliases: String
    var stdlibModuleNames: String?
    var mayBeAbsent: String
    var modules: String
}
