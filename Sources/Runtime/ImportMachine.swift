import Build
import Railway
import Snapshot

/// Executes module bodies the way CPython's import system would, as far as imports are concerned:
/// statements in source order, each `import` resolved against the image and sys.path, parent
/// packages' `__init__` run first, `try/except ImportError` honoured, the first uncaught failure
/// stopping everything. It is an explicit-stack machine: neither import chains nor nesting in
/// the input can exhaust railsim's own call stack.
struct ImportMachine {
    struct Module {
        var name: String
        var origin: ModuleOrigin
        var scan: PythonModuleScan?
        var initialized: Bool
        /// The file path CPython shows for this module in tracebacks.
        var displayFile: String?
    }

    struct Frame {
        var module: String
        var file: String
        var sourcePath: String
        var isMain: Bool
        /// `__package__`: nil for a top-level script (no relative imports possible).
        var package: String?
        var current: PyStatement?
        /// What the traceback line says after `in`: `<module>`, or a class name for a class body.
        var function: String = "<module>"
        /// Module globals the static path evaluator knows (`BASE_DIR = os.path.dirname(...)`).
        var variables: [String: StaticPathValue] = [:]
        /// Names bound by imports of `os`, `os.path`, `pathlib`, `sys`, `site` (`osp` → `os.path`).
        var aliases: [String: String] = [:]
        /// pydantic `BaseSettings` subclasses defined so far in this module (`SettingsSemantics.swift`).
        var settingsModels: [String: SettingsModel] = [:]
        /// Names bound to modules by `import m` / `import m.n as x` (`ModuleAttributeSemantics.swift`).
        var moduleNames: [String: String] = [:]
    }

    enum Step: Sendable {
        case ensure(String)
        case fromName(module: String, name: String)
    }

    indirect enum Task {
        case block([PyStatement], Int, frame: Int)
        case tryRegion(handlers: [PyExceptHandler], orElse: [PyStatement], finally: [PyStatement], frame: Int)
        case moduleEnd(frame: Int)
        /// The end of a class body's own frame.
        case scopeEnd(frame: Int)
        case resume(steps: [Step], frame: Int, dynamic: Bool)
    }

    let image: Image
    let finder: ModuleFinder
    let stdlib: StdlibTable?
    /// sys.path as the program sees it, edited in source order by statically evaluated
    /// `sys.path.insert/append/extend` and `site.addsitedir` calls (python-imports.md §2.8).
    var sysPath: [String]
    /// Per sys.path entry: the directory FileFinder searches (absolute, cleaned), or nil for an
    /// entry that is not a `str` (PathFinder skips those: `_bootstrap_external.PathFinder._get_spec`).
    var lookupPath: [String?]
    /// Per sys.path entry: the directory `__file__` of what it finds starts with, when that
    /// differs from the lookup directory (entries added at run time: see `fileFinderDirectory`).
    var displayDirectory: [String?]
    /// The process's working directory (relative sys.path entries are relative to it at import time).
    var cwd: String
    /// setuptools editable finders installed by `.pth` import lines (appended to sys.meta_path,
    /// so after PathFinder).
    var editableMappings: [(name: String, path: String)] = []
    /// Source bytes of files read so far, for statement text, and where their lines start.
    var sources: [String: [UInt8]] = [:]
    var lineStarts: [String: [Int]] = [:]
    /// The process environment (image ENV, service variables, Railway's): module-level
    /// `os.environ["X"]` reads are checked against it when set (`EnvironmentSemantics.swift`).
    var environment: [String: String]? = nil
    /// `PythonModuleScan.classes` per source file, for class statements being executed.
    var classTables: [String: [Int: PyClassInfo]] = [:]
    let version: PythonVersion
    /// railsim's bound on simultaneously executing modules; CPython's own recursion limit (1000
    /// frames, several per import level) stops far deeper chains with RecursionError.
    static let maxModuleDepth = 200

    var modules: [String: Module] = [:]
    var frames: [Frame] = []
    var tasks: [Task] = []
    var notes: [RuntimeNote] = []
    var failure: (exception: PythonException, traceback: [TracebackFrame], viaImportlib: Bool)?
    var assumedModules: Set<String> = []
    var sysPathEditsIgnored = false
    /// Set when the failure text rests on something railsim only approximates.
    var approximate = false
    /// `python -c`: the start-up set differs from a script's or `-m`'s (see `cannotBeShadowed`).
    let commandMode: Bool

    init(image: Image, python: PythonInstallation, sysPath: [String], commandMode: Bool = false, cwd: String? = nil) {
        self.image = image
        self.stdlib = StdlibTable.table(minor: python.version.minor)
        self.finder = ModuleFinder(image: image, stdlib: stdlib, python: python)
        self.sysPath = sysPath
        self.version = python.version
        self.commandMode = commandMode
        self.cwd = cwd ?? image.workingDirectory
        self.lookupPath = []
        self.displayDirectory = []
        self.lookupPath = sysPath.map { lookup($0) }
        self.displayDirectory = []
        self.displayDirectory = sysPath.map { display($0) }
        loadPthImportLines()
    }

    /// Builtin, frozen or already imported at start-up. The stdlib tables record the start-up set
    /// of `python -c`, which on 3.13 includes `linecache` (`-c` registers its source there); a
    /// script or `-m` run does not import it, so a local `linecache.py` wins [EXP 3.13.0].
    func cannotBeShadowed(_ name: String) -> Bool {
        guard let stdlib, stdlib.cannotBeShadowed(name) else { return false }
        if name == "linecache", !commandMode, !stdlib.isBuiltin(name), !stdlib.isFrozen(name) { return false }
        return true
    }

    // MARK: entry points

    /// Runs a script as `__main__` (`python FILE`).
    mutating func runMain(scan: PythonModuleScan, displayFile: String, sourcePath: String) {
        frames.append(Frame(module: "__main__", file: displayFile, sourcePath: sourcePath, isMain: true, package: nil, current: nil))
        tasks.append(.moduleEnd(frame: 0))
        tasks.append(.block(scan.body, 0, frame: 0))
        run()
    }

    /// Imports `name` as a launcher does (`importlib.import_module`), from a synthetic frame.
    mutating func importModule(_ name: String) {
        frames.append(Frame(module: "<launcher>", file: "<launcher>", sourcePath: "", isMain: false, package: nil, current: nil))
        tasks.append(.resume(steps: steps(forDotted: name), frame: 0, dynamic: true))
        run()
    }

    /// Imports `name` from a clean frame stack, as a framework's `import_module` does, and hands back
    /// the failure instead of keeping it, so the caller renders it with its own frames.
    mutating func importFresh(_ name: String) -> (exception: PythonException, traceback: [TracebackFrame], viaImportlib: Bool)? {
        failure = nil
        frames = []
        tasks = []
        importModule(name)
        frames = []
        defer { failure = nil }
        return failure
    }

    func steps(forDotted name: String) -> [Step] {
        let parts = name.split(separator: ".").map(String.init)
        return (1...max(1, parts.count)).map { .ensure(parts.prefix($0).joined(separator: ".")) }
    }

    // MARK: the loop

    mutating func run() {
        while let task = tasks.popLast(), failure == nil {
            switch task {
            case .block(let statements, let index, let frame):
                guard index < statements.count else { continue }
                tasks.append(.block(statements, index + 1, frame: frame))
                execute(statements[index], frame: frame)
            case .tryRegion(_, let orElse, let finally, let frame):
                tasks.append(.block(finally, 0, frame: frame))
                tasks.append(.block(orElse, 0, frame: frame))
            case .moduleEnd(let frame):
                if frame < frames.count {
                    modules[frames[frame].module]?.initialized = true
                    frames.removeLast(frames.count - frame)
                }
            case .scopeEnd(let frame):
                if frame < frames.count { frames.removeLast(frames.count - frame) }
            case .resume(let steps, let frame, let dynamic):
                process(steps, frame: frame, dynamic: dynamic)
            }
        }
    }

    mutating func execute(_ statement: PyStatement, frame: Int) {
        frames[frame].current = statement
        recordImportAliases(statement, frame: frame)
        switch statement.kind {
        case .importModules(let aliases):
            process(aliases.flatMap { steps(forDotted: $0.name) }, frame: frame, dynamic: false)
        case .importFrom(let module, let level, let names):
            guard let base = absoluteName(module: module, level: level, frame: frame) else { return }
            var list = base.isEmpty ? [] : steps(forDotted: base)
            for name in names where name.name != "*" { list.append(.fromName(module: base, name: name.name)) }
            process(list, frame: frame, dynamic: false)
        case .dynamicImport(let dynamic):
            if dynamic.module.hasPrefix(".") { return }
            process(steps(forDotted: dynamic.module), frame: frame, dynamic: true)
        case .ifStatement(let branches, let orElse):
            for branch in branches {
                switch evaluate(branch.condition, frame: frame) {
                case true?: tasks.append(.block(branch.body, 0, frame: frame)); return
                case false?: continue
                case nil:
                    probe(branch.body, frame: frame, lazy: false)
                    if let orElse { probe(orElse, frame: frame, lazy: false) }
                    return
                }
            }
            if let orElse { tasks.append(.block(orElse, 0, frame: frame)) }
        case .tryStatement(let body, let handlers, let orElse, let finally):
            tasks.append(.tryRegion(handlers: handlers, orElse: orElse, finally: finally, frame: frame))
            tasks.append(.block(body, 0, frame: frame))
        case .classDef(let name, _, let body):
            recordSettingsModel(name, statement: statement, body: body, frame: frame)
            // A class body is its own code object: the traceback shows the module frame at the
            // `class` statement, then a frame `in <ClassName>` (CPython __build_class__) [EXP 3.8–3.13].
            var scope = frames[frame]
            scope.function = name
            scope.current = nil
            frames.append(scope)
            tasks.append(.scopeEnd(frame: frames.count - 1))
            tasks.append(.block(body, 0, frame: frames.count - 1))
        case .with(let body):
            tasks.append(.block(body, 0, frame: frame))
        case .loop(let body, let orElse):
            tasks.append(.block(orElse, 0, frame: frame))
            tasks.append(.block(body, 0, frame: frame))
        case .functionDef(_, _, let body):
            probe(body, frame: frame, lazy: true)
        case .match(let cases):
            for body in cases { probe(body, frame: frame, lazy: false) }
        case .call(let call):
            if checkEnvironmentReads(statement, frame: frame) { return }
            if checkModuleAttribute(statement, frame: frame) { return }
            let callee = canonical(call.callee, frame: frame)
            if callee == "sys.path.insert" || callee == "sys.path.append" || callee == "sys.path.extend" || callee == "site.addsitedir" {
                if !applySysPathEdit(callee, statement: statement, frame: frame) {
                    sysPathEditsIgnored = true
                    notes.append(.notSimulated("\(call.callee)(…) at \(frames[frame].sourcePath):\(statement.span.startLine): railsim cannot evaluate this sys.path edit statically; later imports in this process may resolve differently"))
                }
            }
        case .assignment(let targets, let value):
            if checkEnvironmentReads(statement, frame: frame) { return }
            if checkModuleAttribute(statement, frame: frame) { return }
            if checkSettingsInstantiation(value, statement: statement, frame: frame) { return }
            recordAssignment(targets, value: value, statement: statement, frame: frame)
        case .other:
            _ = checkEnvironmentReads(statement, frame: frame)
        }
    }

    /// Resolves `from .x import y`'s base module name (python-imports.md §2.6).
    mutating func absoluteName(module: String?, level: Int, frame: Int) -> String? {
        guard level > 0 else { return module ?? "" }
        guard let package = frames[frame].package, !package.isEmpty else {
            raise(PythonException(type: "ImportError", message: "attempted relative import with no known parent package"), dynamic: false)
            return nil
        }
        var parts = package.split(separator: ".").map(String.init)
        if level - 1 >= parts.count {
            // 3.8: ValueError; 3.9+: ImportError (bpo-37444).
            raise(PythonException(type: version.minor >= 9 ? "ImportError" : "ValueError", message: "attempted relative import beyond top-level package"), dynamic: false)
            return nil
        }
        parts.removeLast(level - 1)
        if let module, !module.isEmpty { parts.append(module) }
        return parts.joined(separator: ".")
    }

    /// `if` conditions railsim can decide against the image; nil when it cannot.
    func evaluate(_ condition: PyCondition, frame: Int) -> Bool? {
        switch condition {
        case .typeChecking: return false          // typing.TYPE_CHECKING is False at run time
        case .notTypeChecking: return true
        case .mainGuard: return frames[frame].isMain
        case .platformCompare(let op, let value):
            let platform = "linux"                 // sys.platform on Linux since 3.3
            switch op {
            case "==": return platform == value
            case "!=": return platform != value
            case "startswith": return platform.hasPrefix(value)
            default: return nil
            }
        case .versionCompare(let op, let wanted):
            var actual = [version.major, version.minor]
            if let patch = version.patch { actual.append(patch) } else if wanted.count > 2 { return nil }
            // Tuple comparison: element-wise, then the longer tuple is larger (sys.version_info has 5 items).
            var order = 0
            for (a, b) in zip(actual + [Int.max], wanted) where a != b { order = a < b ? -1 : 1; break }
            if order == 0, wanted.count <= actual.count { order = 1 }
            if order == 0 { order = actual.count > wanted.count ? 1 : 0 }
            switch op {
            case ">=": return order >= 0
            case ">": return order > 0
            case "<": return order < 0
            case "<=": return order <= 0
            case "==": return order == 0
            case "!=": return order != 0
            default: return nil
            }
        case .unknown: return nil
        }
    }

    /// Checks the imports of code that does not run now (function bodies, undecidable branches)
    /// without executing anything, and notes what would fail.
    mutating func probe(_ statements: [PyStatement], frame: Int, lazy: Bool) {
        var stack = [statements[...]]
        while let next = stack.popLast() {
            guard let statement = next.first else { continue }
            stack.append(next.dropFirst())
            var names: [String] = []
            switch statement.kind {
            case .importModules(let aliases): names = aliases.map(\.name)
            case .importFrom(let module, let level, _): if level == 0, let module { names = [module] }
            case .dynamicImport(let dynamic): names = [dynamic.module]
            case .ifStatement(let branches, let orElse): stack += branches.map { $0.body[...] } + [(orElse ?? [])[...]]
            case .tryStatement(let body, let handlers, let orElse, let finally): stack += [body[...], orElse[...], finally[...]] + handlers.map { $0.body[...] }
            case .functionDef(_, _, let body), .classDef(_, _, let body), .with(let body): stack.append(body[...])
            case .loop(let body, let orElse): stack += [body[...], orElse[...]]
            case .match(let cases): stack += cases.map { $0[...] }
            default: break
            }
            for name in names {
                let top = String(name.split(separator: ".").first ?? "")
                if modules[top] != nil || findTopLevel(top) != nil { continue }
                let location = SourceLocation(file: frames[frame].sourcePath, line: statement.span.startLine)
                notes.append(lazy ? .lazyImportWouldFail(module: top, location: location) : .conditionalImport(module: top, location: location))
            }
        }
    }

    // MARK: imports

    mutating func process(_ steps: [Step], frame: Int, dynamic: Bool) {
        var remaining = steps[...]
        while let step = remaining.first {
            remaining = remaining.dropFirst()
            switch step {
            case .ensure(let name):
                if let existing = modules[name] {
                    _ = existing
                    continue
                }
                guard let origin = locate(name, frame: frame, dynamic: dynamic) else { return }
                if case .source(let file, let isPackage) = origin {
                    guard frames.count < Self.maxModuleDepth else {
                        notes.append(.notSimulated("import chain deeper than \(Self.maxModuleDepth) modules at \(name)"))
                        continue
                    }
                    guard let scan = scanModule(file) else { return }
                    let shown = displayFile(for: file, module: name)
                    modules[name] = Module(name: name, origin: origin, scan: scan, initialized: false, displayFile: shown)
                    tasks.append(.resume(steps: Array(remaining), frame: frame, dynamic: dynamic))
                    let package = isPackage ? name : String(name.split(separator: ".").dropLast().joined(separator: "."))
                    frames.append(Frame(module: name, file: shown, sourcePath: file, isMain: false, package: package, current: nil))
                    let newFrame = frames.count - 1
                    tasks.append(.moduleEnd(frame: newFrame))
                    tasks.append(.block(scan.body, 0, frame: newFrame))
                    return
                }
                var shown: String? = nil
                if case .compiled(let file, _) = origin { shown = displayFile(for: file, module: name) }
                modules[name] = Module(name: name, origin: origin, scan: nil, initialized: true, displayFile: shown)
            case .fromName(let moduleName, let attribute):
                guard let module = modules[moduleName] else { continue }
                if hasAttribute(module, attribute), !isBoundOnlyByCurrentImport(moduleName, attribute) { continue }
                if module.origin.isPackage {
                    let full = moduleName + "." + attribute
                    if modules[full] != nil { continue }
                    if let origin = finder.find(full, in: module.origin.searchPath) {
                        remaining = [.ensure(full)] + remaining
                        _ = origin
                        continue
                    }
                }
                // A missing name in `from m import X` is ImportError, not ModuleNotFoundError (§2.5).
                // Python/ceval.c import_from: a module whose body is still running is "partially
                // initialized" (its __spec__._initializing), unless it has no file ("unknown location").
                let partially = !module.initialized && module.origin.locationText != "unknown location"
                var location = module.origin.locationText
                if let shown = module.displayFile, location != "unknown location" { location = shown }
                let message = partially
                    ? "cannot import name '\(attribute)' from partially initialized module '\(moduleName)' (most likely due to a circular import) (\(location))"
                    : "cannot import name '\(attribute)' from '\(moduleName)' (\(location))"
                var exception = PythonException(type: "ImportError", message: message)
                exception.importName = moduleName
                // No "Did you mean" for a partially initialised module [EXP 3.12.1, 3.13.0].
                if version.minor >= 12, !partially, let suggestion = suggestion(for: attribute, from: moduleName) {
                    exception.suggestion = suggestion
                }
                raise(exception, dynamic: dynamic)
                return
            }
        }
    }

    /// Finds a module by dotted name: sys.modules-style start-up modules, builtins and frozen
    /// modules first (BuiltinImporter, FrozenImporter precede PathFinder), then the parent's
    /// `__path__` or sys.path. Raises ModuleNotFoundError when nothing is found.
    mutating func locate(_ name: String, frame: Int, dynamic: Bool) -> ModuleOrigin? {
        let parts = name.split(separator: ".").map(String.init)
        if let stdlib, cannotBeShadowed(name) || stdlib.registeredAliases.contains(name) {
            return stdlib.module(name).map { $0.isPackage ? ModuleOrigin.stdlib(directory: finder.python.stdlibDirectory + "/" + parts.joined(separator: "/"), isPackage: true) : .builtin } ?? .builtin
        }
        if parts.count == 1 {
            if let origin = findTopLevel(name) { return origin }
            raise(PythonException(type: "ModuleNotFoundError", message: "No module named '\(name)'", missingModule: name), dynamic: dynamic)
            return nil
        }
        let parentName = parts.dropLast().joined(separator: ".")
        guard let parent = modules[parentName] else { return nil }
        if case .distribution(let distribution, let directory) = parent.origin {
            // railsim knows the distribution, not its files: assume the submodule exists.
            if assumedModules.insert(name).inserted { notes.append(.assumedFromDistribution(module: name, distribution: distribution)) }
            return .distribution(name: distribution, directory: directory + "/" + (parts.last ?? ""))
        }
        guard parent.origin.isPackage else {
            raise(PythonException(type: "ModuleNotFoundError", message: "No module named '\(name)'; '\(parentName)' is not a package", missingModule: name), dynamic: dynamic)
            return nil
        }
        if case .stdlib = parent.origin, let stdlib, stdlib.isPresent(name) {
            if let hit = finder.find(name, in: parent.origin.searchPath) { return hit }
            return .builtin
        }
        if let origin = finder.find(name, in: parent.origin.searchPath) { return origin }
        raise(PythonException(type: "ModuleNotFoundError", message: "No module named '\(name)'", missingModule: name), dynamic: dynamic)
        return nil
    }

    func findTopLevel(_ name: String) -> ModuleOrigin? {
        if cannotBeShadowed(name) { return .builtin }
        if let hit = finder.find(name, in: lookupPath.map { $0 ?? ModuleFinder.nonStringEntry }) { return hit }
        return editableOrigin(name)
    }

    func hasAttribute(_ module: Module, _ attribute: String) -> Bool {
        switch module.origin {
        case .source:
            guard let scan = module.scan else { return true }
            if !module.initialized, let position = executingPosition(module.name) {
                // A module still running its body has only what statements before the current one
                // bound (Python/ceval.c import_from; python-imports.md §3.1 "Circular `from` import").
                return scan.mayBeBound(attribute, beforeLine: position.line, column: position.column)
                    || scan.mayBeBound("__getattr__", beforeLine: position.line, column: position.column)
                    || scan.body.contains { statement in
                        guard case .importFrom(_, _, let names) = statement.kind, names.contains(where: { $0.name == "*" }) else { return false }
                        return PyPosition.key(line: statement.span.startLine, column: statement.span.startColumn) < PyPosition.key(line: position.line, column: position.column)
                    }
            }
            return scan.boundNames.contains(attribute) || scan.definesModuleGetattr
                || scan.body.contains { if case .importFrom(_, _, let names) = $0.kind { return names.contains { $0.name == "*" } }; return false }
        case .namespace: return false
        default: return true  // stdlib, builtin, compiled and distribution modules: attributes not modelled
        }
    }

    /// Where the body of a module that is still initialising has got to: the start of the
    /// statement its module-level frame is executing.
    func executingPosition(_ moduleName: String) -> (line: Int, column: Int)? {
        guard let frame = frames.last(where: { $0.module == moduleName && $0.function == "<module>" }),
              let statement = frame.current else { return nil }
        return (statement.span.startLine, statement.span.startColumn)
    }

    /// `from M import x` while M's own body is at a statement binding `x` (typically M's
    /// `__init__` doing `from . import x`): the name does not exist yet.
    func isBoundOnlyByCurrentImport(_ moduleName: String, _ attribute: String) -> Bool {
        guard let module = modules[moduleName], !module.initialized,
              let frame = frames.last(where: { $0.module == moduleName && $0.function == "<module>" }),
              case .importFrom(_, _, let names)? = frame.current?.kind else { return false }
        return names.contains { ($0.asName ?? $0.name) == attribute }
    }

    /// 3.12+ appends "Did you mean" to "cannot import name". 3.12's C excepthook takes the
    /// candidates from `dir(sys.modules[exc.name])` (Python/suggestions.c); 3.13's excepthook is
    /// traceback.py, whose `dir(__import__(exc.name))` is the *top-level* package's, and which drops
    /// `_`-prefixed candidates unless the wrong name starts with `_` [EXP 3.12.1, 3.13.0]. railsim
    /// offers suggestions only when it knows `dir()`: scanned source modules and namespace packages.
    mutating func suggestion(for name: String, from moduleName: String, topLevelOn13: Bool = true) -> String? {
        let owner = version.minor >= 13 && topLevelOn13 ? String(moduleName.split(separator: ".").first ?? "") : moduleName
        guard let module = modules[owner] else { return nil }
        var names: [String]
        switch module.origin {
        case .source(_, let isPackage):
            guard let scan = module.scan else { return nil }
            var bound = Array(scan.boundNames)
            if !module.initialized {
                // A module still executing has only the names bound so far; exact when everything
                // before the current statement is straight-line code.
                guard let position = executingPosition(owner) else { approximate = true; return nil }
                bound = bound.filter { scan.mayBeBound($0, beforeLine: position.line, column: position.column) }
                let key = PyPosition.key(line: position.line, column: position.column)
                if scan.body.contains(where: { statement in
                    switch statement.kind {
                    case .ifStatement, .tryStatement, .loop, .with, .match: break
                    default: return false
                    }
                    return PyPosition.key(line: statement.span.startLine, column: statement.span.startColumn) < key
                }) { approximate = true }
            }
            // dir() of a module loaded from source: its globals, including these dunders.
            names = bound + ["__builtins__", "__cached__", "__doc__", "__file__", "__loader__", "__name__", "__package__", "__spec__"]
            if isPackage { names.append("__path__") }
        case .namespace:
            names = ["__doc__", "__file__", "__loader__", "__name__", "__package__", "__path__", "__spec__"]
        default:
            return nil
        }
        // Each submodule imported so far is an attribute of its parent package.
        for (key, child) in modules where child.initialized && key.hasPrefix(owner + ".") {
            let rest = key.dropFirst(owner.count + 1)
            if !rest.contains(".") { names.append(String(rest)) }
        }
        if version.minor >= 13, !name.hasPrefix("_") { names = names.filter { !$0.hasPrefix("_") } }
        return PythonSuggestions.closest(to: name, among: Array(Set(names)))
    }

    mutating func scanModule(_ file: String) -> PythonModuleScan? {
        guard let bytes = try? image.fileSystem.contents(of: file) else {
            notes.append(.notSimulated("cannot read \(file) in the image"))
            return PythonModuleScan(body: [], boundNames: [], definesModuleGetattr: true, dunderAll: nil)
        }
        sources[file] = bytes
        do {
            return try PythonSourceScanner.scan(bytes)
        } catch {
            notes.append(.syntaxError(file: file, line: error.line, message: error.message))
            raise(PythonException(type: "SyntaxError", message: error.message), dynamic: false)
            return nil
        }
    }

    // MARK: exceptions

    /// Raises an exception at the current statement of the innermost frame and unwinds to the
    /// nearest handler that catches it, or ends the simulation with a traceback.
    mutating func raise(_ exception: PythonException, dynamic: Bool, carets: TracebackCarets? = nil, trailing: [TracebackFrame] = []) {
        var traceback = frames.compactMap(tracebackFrame)
        if let carets, !traceback.isEmpty { traceback[traceback.count - 1].carets = carets }
        traceback += trailing
        while let task = tasks.popLast() {
            switch task {
            case .tryRegion(let handlers, _, let finally, let frame):
                if let handler = handlers.first(where: { exception.isCaught(by: $0.types) }) {
                    tasks.append(.block(finally, 0, frame: frame))
                    tasks.append(.block(handler.body, 0, frame: frame))
                    return
                }
            case .moduleEnd(let frame):
                // A module whose body raised is removed from sys.modules (importlib _bootstrap
                // `_load_unlocked`), and its frame ends.
                if frame < frames.count {
                    modules[frames[frame].module] = nil
                    frames.removeLast(frames.count - frame)
                }
            case .scopeEnd(let frame):
                if frame < frames.count { frames.removeLast(frames.count - frame) }
            case .block, .resume:
                continue
            }
        }
        failure = (exception, traceback, dynamic)
    }

    func tracebackFrame(_ frame: Frame) -> TracebackFrame? {
        guard let statement = frame.current, frame.module != "<launcher>" else { return nil }
        let span = statement.span
        var lines: [String]? = nil
        if let bytes = try? image.fileSystem.contents(of: frame.sourcePath) {
            let all = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            if span.startLine >= 1, span.endLine <= all.count, span.startLine <= span.endLine {
                lines = all[(span.startLine - 1)...(span.endLine - 1)].map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
            }
        }
        return TracebackFrame(file: frame.file, line: span.startLine, function: frame.function, sourceLines: lines,
                              startColumn: span.startColumn, endColumn: span.endColumn)
    }
}

/// "Did you mean" suggestions as CPython computes them (Python/suggestions.c
/// `_Py_CalculateSuggestions`, used by 3.12's excepthook and by 3.13's traceback.py through
/// `_suggestions._generate_suggestions`): fewer than 750 candidates, tried in `dir()` (sorted)
/// order; each may differ by `(len(wrong) + len(candidate) + 3) * 2 // 6` UTF-8 bytes' worth of
/// edits and must beat the best so far.
enum PythonSuggestions {
    static let moveCost = 2
    static let caseCost = 1
    static let maxStringSize = 40
    static let maxCandidates = 750

    static func closest(to wrong: String, among candidates: [String]) -> String? {
        guard candidates.count < maxCandidates else { return nil }
        let wrongBytes = Array(wrong.utf8)
        var bestDistance = Int.max
        var suggestion: String? = nil
        let ordered = candidates.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        for candidate in ordered where candidate != wrong {
            let bytes = Array(candidate.utf8)
            let maxDistance = min((wrongBytes.count + bytes.count + 3) * moveCost / 6, bestDistance == Int.max ? Int.max : bestDistance - 1)
            let distance = levenshtein(wrongBytes, bytes, maxCost: maxDistance)
            if distance > maxDistance { continue }
            if suggestion == nil || distance < bestDistance {
                suggestion = candidate
                bestDistance = distance
            }
        }
        return suggestion
    }

    /// Substitution costs 2, or 1 when only ASCII case differs; insertion and deletion cost 2.
    /// Returns something above `maxCost` once the distance is known to exceed it.
    static func levenshtein(_ first: [UInt8], _ second: [UInt8], maxCost: Int) -> Int {
        if first == second { return 0 }
        // Common prefixes and suffixes cost nothing.
        var a = first[...], b = second[...]
        while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
        while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return moveCost * (a.count + b.count) }
        if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let short = Array(a), long = Array(b)
        var row = (1...short.count).map { $0 * moveCost }
        var result = 0
        for (bIndex, bByte) in long.enumerated() {
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for index in short.indices {
                let substitute = distance + substitutionCost(bByte, short[index])
                distance = row[index]
                let insertDelete = min(result, distance) + moveCost
                result = min(insertDelete, substitute)
                row[index] = result
                minimum = min(minimum, result)
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }

    static func substitutionCost(_ x: UInt8, _ y: UInt8) -> Int {
        if x == y { return 0 }
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        return lower(x) == lower(y) ? caseCost : moveCost
    }
}
