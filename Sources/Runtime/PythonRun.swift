import Build
import Railway
import Snapshot

/// One Python process: the interpreter or a launcher's console script, its sys.path, the import
/// simulation, and what it prints when start-up fails.
struct PythonRun {
    let image: Image
    let environment: ProcessEnvironment
    let service: ResolvedService
    let argv: [String]
    let executable: String
    let cwd: String
    var notes: [RuntimeNote] = []
    var sysPath: [String] = []
    var version: PythonVersion?
    var failure: Failure?
    var serving: ServingPrediction?

    init(run: StartupRun, argv: [String], executable: String, cwd: String) {
        self.image = run.image
        self.environment = run.environment
        self.service = run.service
        self.argv = argv
        self.executable = executable
        self.cwd = cwd
    }

    var python: PythonInstallation? { image.python }

    // MARK: python …

    mutating func start() {
        guard let python else {
            notes.append(.notSimulated("`\(argv[0])` runs a Python railsim has no layout for (unknown base image)"))
            return
        }
        version = python.version
        guard let commandLine = PythonCommandLine.parse(Array(argv.dropFirst())) else { return }
        let safePath = commandLine.safePath || (python.version.minor >= 11 && !commandLine.ignoreEnvironment && environment["PYTHONSAFEPATH"].map { !$0.isEmpty } == true)
        switch commandLine.target {
        case .script(let path):
            runScript(path, commandLine: commandLine, python: python, safePath: safePath)
        case .module(let name):
            runModule(name, commandLine: commandLine, python: python, safePath: safePath)
        case .command(let code):
            runCode(code, commandLine: commandLine, python: python, safePath: safePath)
        case .stdin:
            notes.append(.notSimulated("`\(argv.joined(separator: " "))` reads a program from standard input"))
        }
    }

    mutating func computeSysPath(python: PythonInstallation, path0: String?, commandLine: PythonCommandLine?) -> [String] {
        let computation = SysPathComputation.compute(image: image, python: python, executable: executable, path0: path0,
                                                     environment: environment, cwd: cwd, commandLine: commandLine)
        sysPath = computation.entries
        return computation.entries
    }

    mutating func runScript(_ path: String, commandLine: PythonCommandLine, python: PythonInstallation, safePath: Bool) {
        // __main__'s file in tracebacks: os.path.join(cwd, argv path) on 3.9+, as typed on 3.8
        // (python-imports.md §1.1; bpo-20443).
        let joined = path.hasPrefix("/") ? path : (cwd == "/" ? "/" + path : cwd + "/" + path)
        let display = python.version.minor >= 9 ? joined : path
        let real = image.fileSystem.realpath(ImagePath.clean(joined))
        if image.fileSystem.isDirectory(real) {
            // A directory argument is a main importer: it becomes path0 even under -P, and runpy runs
            // its __main__ (Modules/main.c pymain_run_python, `main_importer_path`).
            // 3.9+ makes it absolute with _Py_abspath: "." is the cwd itself on 3.11+, else cwd + "/" + arg,
            // unnormalised (Python/fileutils.c `_Py_abspath`).
            let absolute = path == "." && python.version.minor >= 11 ? cwd : joined
            runDirectory(python.version.minor >= 9 ? absolute : path, commandLine: commandLine, python: python)
            return
        }
        let path0 = safePath ? nil : ImagePath.dirname(real)
        let entries = computeSysPath(python: python, path0: path0, commandLine: commandLine)
        guard image.fileSystem.isFile(real) else {
            // Modules/main.c pymain_run_file: "%ls: can't open file %R: [Errno %d] %s", exit 2.
            let message = "\(argv[0]): can't open file '\(display)': [Errno 2] No such file or directory"
            failure = Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 2)
            return
        }
        guard let scan = scan(real, display: display, python: python) else { return }
        var machine = ImportMachine(image: image, python: python, sysPath: searchPath(entries), cwd: cwd)
        machine.environment = environment.values
        machine.runMain(scan: scan, displayFile: display, sourcePath: real)
        if machine.failure == nil {
            // Frameworks whose main module hands over to them (Django's manage.py) go on importing.
            continueAfterMain(scan: scan, file: real, machine: &machine, python: python)
        }
        finishMachine(machine, python: python, prefixFrames: [])
        if failure == nil, serving == nil {
            serving = ServingAnalysis.mainServer(scan, file: origin(real), environment: environment)
        }
    }

    mutating func runModule(_ name: String, commandLine: PythonCommandLine, python: PythonInstallation, safePath: Bool) {
        // `-m`: path0 is the physical cwd (python-imports.md §1.1).
        let entries = computeSysPath(python: python, path0: safePath ? nil : image.fileSystem.realpath(cwd), commandLine: commandLine)
        var machine = ImportMachine(image: image, python: python, sysPath: searchPath(entries), cwd: cwd)
        machine.environment = environment.values
        let parts = name.split(separator: ".").map(String.init)
        let exe = executable.hasPrefix("/") ? executable : ImagePath.join(cwd, executable)
        // runpy._get_module_details imports the parent package first (Lib/runpy.py).
        if parts.count > 1 {
            let parentName = parts.dropLast().joined(separator: ".")
            machine.importModule(parentName)
            if let failed = machine.failure {
                // runpy swallows the parent's ImportError only when its `name` is the parent or an
                // ancestor (then find_spec fails the same way: the one-line form); any other error
                // propagates with a traceback through `_get_module_details` (Lib/runpy.py).
                if let failedName = failed.exception.missingModule ?? failed.exception.importName,
                   failedName == parentName || parentName.hasPrefix(failedName + ".") {
                    failure = specificationError(name, detail: failed.exception.plainLine, exe: exe, version: python.version)
                } else {
                    notes += machine.notes
                    let runpy = RunpyFrames.detailsFrames(version: python.version, stdlibDirectory: python.stdlibDirectory)
                    let text = TracebackRenderer(version: python.version).render(frames: runpy.frames + failed.traceback, exception: failed.exception.line)
                    let location = failed.traceback.last.map { SourceLocation(file: origin($0.file), line: $0.line) }
                    failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 1,
                                      exact: runpy.exact && !machine.sysPathEditsIgnored && !machine.approximate, location: location)
                }
                return
            }
            if let parent = machine.modules[parentName], !parent.origin.isPackage {
                // importlib.util.find_spec: a parent without `__path__` (Lib/importlib/util.py).
                let detail = "ModuleNotFoundError: __path__ attribute not found on '\(parentName)' while trying to find '\(name)'"
                failure = specificationError(name, detail: detail, exe: exe, version: python.version)
                return
            }
        }
        let parentPath = parts.count > 1 ? (machine.modules[parts.dropLast().joined(separator: ".")]?.origin.searchPath ?? []) : entries
        guard var origin = machine.finder.find(name, in: parentPath) ?? stdlibOrigin(name, machine: machine) else {
            let message = "\(exe): No module named \(name)"
            failure = Failure(phase: .start, exception: "ModuleNotFoundError", message: message, stderr: message + "\n", exitCode: 1)
            return
        }
        var runName = name
        if origin.isPackage {
            // `-m pkg` runs pkg.__main__: runpy first imports pkg as the parent of pkg.__main__, so
            // pkg/__init__ runs (and may fail) before __main__ is looked for (Lib/runpy.py).
            machine.importModule(name)
            if let failed = machine.failure {
                if let failedName = failed.exception.missingModule ?? failed.exception.importName,
                   failedName == name || name.hasPrefix(failedName + ".") {
                    failure = specificationError(name + ".__main__", detail: failed.exception.plainLine, exe: exe, version: python.version)
                } else {
                    notes += machine.notes
                    let runpy = RunpyFrames.packageDetailsFrames(version: python.version, stdlibDirectory: python.stdlibDirectory)
                    let text = TracebackRenderer(version: python.version).render(frames: runpy.frames + failed.traceback, exception: failed.exception.line)
                    let location = failed.traceback.last.map { SourceLocation(file: self.origin($0.file), line: $0.line) }
                    failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 1,
                                      exact: runpy.exact && !machine.sysPathEditsIgnored && !machine.approximate, location: location)
                }
                return
            }
            guard let main = machine.finder.find(name + ".__main__", in: origin.searchPath) else {
                let message = "\(exe): No module named \(name).__main__; '\(name)' is a package and cannot be directly executed"
                failure = Failure(phase: .start, exception: "ImportError", message: message, stderr: message + "\n", exitCode: 1)
                return
            }
            origin = main
            runName = name + ".__main__"
        }
        guard case .source(let file, _) = origin else {
            notes.append(.notSimulated("`-m \(name)` runs a module railsim does not simulate (\(origin))"))
            return
        }
        guard let scan = scan(file, display: file, python: python) else { return }
        let package = runName.split(separator: ".").dropLast().joined(separator: ".")
        machine.frames = [ImportMachine.Frame(module: "__main__", file: file, sourcePath: file, isMain: true, package: package.isEmpty ? "" : package, current: nil)]
        machine.tasks = [.moduleEnd(frame: 0), .block(scan.body, 0, frame: 0)]
        machine.run()
        let runpy = RunpyFrames.frames(version: python.version, stdlibDirectory: python.stdlibDirectory)
        finishMachine(machine, python: python, prefixFrames: runpy.frames, exact: runpy.exact)
        if failure == nil { serving = ServingAnalysis.mainServer(scan, file: self.origin(file), environment: environment) }
    }

    /// runpy's one-line failure: "Error while finding module specification for 'X' (Type: msg)",
    /// with a hint appended on 3.9+ when the name ends in `.py` (Lib/runpy.py `_get_module_details`).
    func specificationError(_ name: String, detail: String, exe: String, version: PythonVersion) -> Failure {
        var message = "\(exe): Error while finding module specification for '\(name)' (\(detail))"
        if version.minor >= 9, name.hasSuffix(".py") {
            message += ". Try using '\(name.dropLast(3))' instead of '\(name)' as the module name."
        }
        let type = String(detail.prefix { $0 != ":" })
        return Failure(phase: .start, exception: type, message: message, stderr: message + "\n", exitCode: 1)
    }

    func stdlibOrigin(_ name: String, machine: ImportMachine) -> ModuleOrigin? {
        machine.stdlib?.isPresent(name) == true ? .builtin : nil
    }

    mutating func runCode(_ code: String, commandLine: PythonCommandLine, python: PythonInstallation, safePath: Bool) {
        let entries = computeSysPath(python: python, path0: safePath ? nil : "", commandLine: commandLine)
        guard let scan = try? PythonSourceScanner.scan(Array(code.utf8)) else { return }
        var machine = ImportMachine(image: image, python: python, sysPath: searchPath(entries), commandMode: true, cwd: cwd)
        machine.environment = environment.values
        machine.runMain(scan: scan, displayFile: "<string>", sourcePath: "")
        if python.version.minor >= 13, var failed = machine.failure {
            // 3.13 registers the -c source with linecache, so its lines appear in tracebacks
            // (Modules/main.c pymain_run_command → `_PyRun_SimpleStringFlagsWithName`, gh-103998).
            let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            failed.traceback = failed.traceback.map { frame in
                var frame = frame
                if frame.file == "<string>", frame.line >= 1, frame.line <= lines.count { frame.sourceLines = [lines[frame.line - 1]] }
                return frame
            }
            machine.failure = failed
        }
        finishMachine(machine, python: python, prefixFrames: [])
    }

    /// The directories the import system searches for sys.path: '' and relative entries are looked
    /// up from the cwd (Lib/importlib/_bootstrap_external.py FileFinder, `_os.getcwd()`).
    func searchPath(_ entries: [String]) -> [String] {
        entries.map { $0.hasPrefix("/") ? $0 : ImagePath.join(cwd, $0.isEmpty ? "." : $0) }
    }

    /// `python DIR`: DIR (absolute on 3.9+, as typed on 3.8) is path0 and runpy runs `__main__` found
    /// there, or exits with "can't find '__main__' module in 'DIR'" (Lib/runpy.py `_get_main_module_details`).
    mutating func runDirectory(_ path0: String, commandLine: PythonCommandLine, python: PythonInstallation) {
        let entries = computeSysPath(python: python, path0: path0, commandLine: commandLine)
        var machine = ImportMachine(image: image, python: python, sysPath: searchPath(entries), cwd: cwd)
        machine.environment = environment.values
        let exe = executable.hasPrefix("/") ? executable : ImagePath.join(cwd, executable)
        guard let origin = machine.finder.find("__main__", in: searchPath([path0])), case .source(let found, _) = origin else {
            // runpy `_run_module_as_main`: sys.exit("%s: %s" % (sys.executable, exc)), exit 1.
            let message = "\(exe): can't find '__main__' module in '\(path0)'"
            failure = Failure(phase: .start, exception: "ImportError", message: message, stderr: message + "\n", exitCode: 1)
            return
        }
        // FileFinder joins its path (trailing separators stripped) and the file name unnormalised
        // (Lib/importlib/_bootstrap_external.py `_path_join`): "/app/./__main__.py".
        var directory = path0
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        let file = directory + "/__main__.py"
        guard let scan = scan(found, display: file, python: python) else { return }
        machine.frames = [ImportMachine.Frame(module: "__main__", file: file, sourcePath: found, isMain: true, package: "", current: nil)]
        machine.tasks = [.moduleEnd(frame: 0), .block(scan.body, 0, frame: 0)]
        machine.run()
        let runpy = RunpyFrames.frames(version: python.version, stdlibDirectory: python.stdlibDirectory)
        finishMachine(machine, python: python, prefixFrames: runpy.frames, exact: runpy.exact)
        if failure == nil { serving = ServingAnalysis.mainServer(scan, file: self.origin(found), environment: environment) }
    }

    // MARK: shared

    mutating func scan(_ file: String, display: String, python: PythonInstallation) -> PythonModuleScan? {
        guard let bytes = try? image.fileSystem.contents(of: file) else {
            notes.append(.notSimulated("cannot read \(file)"))
            return nil
        }
        do {
            return try PythonSourceScanner.scan(bytes)
        } catch {
            // CPython prints `  File "…", line N` + the line + a caret + `SyntaxError: msg` (no
            // "Traceback" header for the main script); caret placement is approximate here.
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let source = error.line >= 1 && error.line <= lines.count ? String(lines[error.line - 1]).trimmingWhitespace() : ""
            let stderr = "  File \"\(display)\", line \(error.line)\n    \(source)\n    ^\nSyntaxError: \(error.message)\n"
            failure = Failure(phase: .start, exception: "SyntaxError", message: error.message, stderr: stderr, exitCode: 1, exact: false,
                              location: SourceLocation(file: origin(file), line: error.line),
                              approximation: "the position of CPython's caret under the offending token is not reproduced")
            notes.append(.syntaxError(file: origin(file), line: error.line, message: error.message))
            return nil
        }
    }

    mutating func finishMachine(_ machine: ImportMachine, python: PythonInstallation, prefixFrames: [TracebackFrame], exact: Bool = true) {
        notes += machine.notes
        guard let failed = machine.failure else { return }
        let frames = prefixFrames + failed.traceback
        let text = TracebackRenderer(version: python.version).render(frames: frames, exception: failed.exception.line)
        let location = failed.traceback.last.map { SourceLocation(file: origin($0.file), line: $0.line) }
        var reasons: [String] = []
        if !exact { reasons.append("runpy's frames are recorded for other patch releases of Python \(python.version.short); the nearest is used") }
        if failed.viaImportlib { reasons.append("the importlib frames of an `importlib.import_module` call are not reproduced") }
        if machine.sysPathEditsIgnored { reasons.append("a sys.path edit railsim cannot evaluate statically ran before this import") }
        if machine.approximate { reasons.append("part of this start-up is modelled approximately (see the notes)") }
        failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 1,
                          exact: reasons.isEmpty, location: location, approximation: reasons.isEmpty ? nil : reasons.joined(separator: "; "))
        if failed.exception.type == "ModuleNotFoundError" {
            notes.append(.importFailed(module: failed.exception.missingModule ?? "", importedFrom: location, searched: sysPath))
        }
    }

    /// The repository path behind an image path, for findings ("health-service/main.py").
    func origin(_ imagePath: String) -> String {
        if case .repository(let path)? = image.fileSystem.origin(of: image.fileSystem.realpath(imagePath)) { return path.description }
        return imagePath
    }
}
