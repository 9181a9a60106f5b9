import Build
import Snapshot

/// What an import found.
public enum ModuleOrigin: Sendable, Equatable {
    /// A `.py` file railsim can read and simulate (`isPackage` for `__init__.py`).
    case source(file: String, isPackage: Bool)
    /// Files railsim cannot simulate but knows exist (extension modules, sourceless `.pyc`).
    case compiled(file: String, isPackage: Bool)
    /// A standard-library module, known from the generated tables; its body is not simulated.
    case stdlib(directory: String?, isPackage: Bool)
    /// A builtin or (3.11+) frozen module.
    case builtin
    /// A top-level import of an installed distribution whose files railsim does not model.
    case distribution(name: String, directory: String)
    /// PEP 420 namespace package: the merged portions.
    case namespace([String])

    var isPackage: Bool {
        switch self {
        case .source(_, let package), .compiled(_, let package), .stdlib(_, let package): return package
        case .builtin: return false
        case .distribution, .namespace: return true
        }
    }

    /// `__path__` of a package.
    var searchPath: [String] {
        switch self {
        case .source(let file, true), .compiled(let file, true): return [ImagePath.dirname(file)]
        case .stdlib(let directory?, true): return [directory]
        case .distribution(_, let directory): return [directory]
        case .namespace(let portions): return portions
        default: return []
        }
    }

    /// The `(…)` part of "cannot import name" messages (python-imports.md §2.5).
    var locationText: String {
        switch self {
        case .source(let file, _), .compiled(let file, _): return file
        case .stdlib(let directory?, let package): return package ? directory + "/__init__.py" : directory
        default: return "unknown location"
        }
    }
}

/// PathFinder + FileFinder over the image (python-imports.md §2.1–2.3; CPython
/// Lib/importlib/_bootstrap_external.py `FileFinder.find_spec`, `PathFinder._get_spec`).
struct ModuleFinder {
    let image: Image
    let stdlib: StdlibTable?
    let python: PythonInstallation
    /// Stands for a sys.path entry that is not a `str` (e.g. a `pathlib.Path`): PathFinder skips
    /// it (`if not isinstance(entry, (str, bytes)): continue`, `PathFinder._get_spec`).
    static let nonStringEntry = "\u{0}non-str sys.path entry"

    /// Searches `paths` for the last component of `fullName`. Regular packages and modules win at
    /// the first entry that has one; namespace portions are merged only when none does.
    func find(_ fullName: String, in paths: [String]) -> ModuleOrigin? {
        let name = String(fullName.split(separator: ".").last ?? "")
        var portions: [String] = []
        for entry in paths where entry != Self.nonStringEntry {
            let directory = entry.isEmpty ? "." : entry
            if let stdlibHit = findInStdlib(fullName, entry: directory) {
                if case .namespace(let more) = stdlibHit { portions += more; continue }
                return stdlibHit
            }
            switch findInDirectory(name, directory: directory) {
            case .found(let origin): return origin
            case .portion(let path): portions.append(path)
            case .none: continue
            }
        }
        return portions.isEmpty ? nil : .namespace(portions)
    }

    enum DirectoryHit { case found(ModuleOrigin), portion(String), none }

    /// One FileFinder: package with `__init__`, then extension, then `.py`, then `.pyc`, then a
    /// namespace portion (§2.2, [EXP]).
    func findInDirectory(_ name: String, directory: String) -> DirectoryHit {
        let fs = image.fileSystem
        guard fs.isDirectory(fs.realpath(directory)) else { return .none }
        let base = ImagePath.join(directory, name)
        let suffixes = extensionSuffixes
        let packageDirectory = fs.realpath(base)
        if case .opaquePackage(let distribution)? = fs.node(at: packageDirectory) {
            return .found(.distribution(name: distribution, directory: base))
        }
        if fs.isDirectory(packageDirectory) {
            for suffix in suffixes where fs.isFile(base + "/__init__" + suffix) { return .found(.compiled(file: base + "/__init__" + suffix, isPackage: true)) }
            if fs.isFile(base + "/__init__.py") { return .found(.source(file: base + "/__init__.py", isPackage: true)) }
            if fs.isFile(base + "/__init__.pyc") { return .found(.compiled(file: base + "/__init__.pyc", isPackage: true)) }
        }
        for suffix in suffixes where fs.isFile(base + suffix) { return .found(.compiled(file: base + suffix, isPackage: false)) }
        if fs.isFile(base + ".py") { return .found(.source(file: base + ".py", isPackage: false)) }
        if fs.isFile(base + ".pyc") { return .found(.compiled(file: base + ".pyc", isPackage: false)) }
        if fs.isDirectory(packageDirectory) { return .portion(base) }
        return .none
    }

    /// `importlib.machinery.EXTENSION_SUFFIXES` of the running interpreter (§2.2).
    var extensionSuffixes: [String] {
        stdlib?.extensionSuffixes ?? [".cpython-\(python.version.major)\(python.version.minor)-x86_64-linux-gnu.so", ".abi3.so", ".so"]
    }

    /// The stdlib directories are not materialised file by file: the generated per-version tables
    /// (scripts/generate-stdlib-tables.py, from the real interpreters) say which modules exist there.
    func findInStdlib(_ fullName: String, entry: String) -> ModuleOrigin? {
        guard let stdlib else { return nil }
        let libDirectory = python.stdlibDirectory
        let dynload = libDirectory + "/lib-dynload"
        guard entry == libDirectory || (entry.hasPrefix(libDirectory + "/") && !entry.hasPrefix(libDirectory + "/site-packages")) else { return nil }
        guard let module = stdlib.module(fullName) else { return nil }
        let components = fullName.split(separator: ".").map(String.init)
        let relativeDirectory = components.dropLast().joined(separator: "/")
        let expectedEntry = relativeDirectory.isEmpty ? libDirectory : libDirectory + "/" + relativeDirectory
        let last = components.last ?? fullName
        switch module.kind {
        case .extension(let file):
            let directory = components.count == 1 ? dynload : expectedEntry
            return entry == directory ? .compiled(file: ImagePath.join(entry, file), isPackage: false) : nil
        case .package:
            return entry == expectedEntry ? .stdlib(directory: ImagePath.join(entry, last), isPackage: true) : nil
        case .namespacePackage:
            return entry == expectedEntry ? .namespace([ImagePath.join(entry, last)]) : nil
        case .source, .bytecode:
            return entry == expectedEntry ? .stdlib(directory: ImagePath.join(entry, last) + ".py", isPackage: false) : nil
        }
    }
}
