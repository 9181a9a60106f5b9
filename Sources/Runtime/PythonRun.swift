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
        let path0 = safePath ? nil : ImagePath.dirname(real)
        let entries = computeSysPath(python: python, path0: path0, commandLine: commandLine)
        guard image.fileSystem.isFile(real) else {
            // Modules/main.c pymain_run_file: "%ls: can't open file %R: [Errno %d] %s", exit 2.
            let message = "\(argv[0]): can't open file '\(display)': [Errno 2] No such file or directory"
            failure = Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 2)
            return
        }
        guard let scan = scan(real, display: display, python: python) else { return }
        var machine = ImportMachine(image: image, python: python, sysPath: entries)
        machine.runMain(scan: scan, displayFile: display, sourcePath: real)
        finishMachine(machine, python: python, prefixFrames: [])
        if failure == nil {
            serving = ServingAnalysis.mainServer(scan, file: origin(real), environment: environment)
        }
    }

    mutating func runModule(_ name: String, commandLine: PythonCommandLine, python: PythonInstallation, safePath: Bool) {
        // `-m`: path0 is the physical cwd (python-imports.md §1.1).
        let entries = computeSysPath(python: python, path0: safePath ? nil : image.fileSystem.realpath(cwd), commandLine: commandLine)
        var machine = ImportMachine(image: image, python: python, sysPath: entries)
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
        var machine = ImportMachine(image: image, python: python, sysPath: entries, commandMode: true)
        machine.runMain(scan: scan, displayFile: "<string>", sourcePath: "")
        finishMachine(machine, python: python, prefixFrames: [])
    }

    // MARK: launchers

    mutating func startLauncher(_ launcher: Launcher, arguments: [String]) {
        guard let python else {
            notes.append(.notSimulated("\(launcher.rawValue) runs on a Python railsim has no layout for"))
            return
        }
        version = python.version
        let parsed = launcher.parse(arguments)
        // A console script's path0 is its own directory (python-imports.md §1.1).
        let scriptDirectory = ImagePath.dirname(image.fileSystem.realpath(executable))
        var entries = computeSysPath(python: python, path0: scriptDirectory, commandLine: nil)
        let workingDirectory: String
        switch launcher {
        case .uvicorn:
            // uvicorn/main.py: sys.path.insert(0, app_dir), app_dir defaulting to "" (cwd at import time).
            entries.insert(parsed.appDir ?? "", at: 0)
            workingDirectory = cwd
        case .gunicorn:
            // gunicorn/app/base.py chdir(): inserts the start directory, then --chdir, at 0 if absent;
            // --pythonpath entries are inserted at 0 in order (gunicorn/app/base.py run()).
            workingDirectory = parsed.chdir.map { ImagePath.join(cwd, $0) } ?? cwd
            for directory in [cwd, workingDirectory] where !entries.contains(directory) { entries.insert(directory, at: 0) }
            for extra in parsed.pythonPath { entries.insert(ImagePath.join(workingDirectory, extra), at: 0) }
        }
        let lookup = entries.map { $0.isEmpty ? workingDirectory : $0 }
        sysPath = entries
        guard let app = parsed.app else {
            notes.append(.notSimulated("\(launcher.rawValue) started without an app argument"))
            return
        }
        let pieces = app.split(separator: ":", maxSplits: 1).map(String.init)
        let moduleName = pieces[0]
        let attribute = pieces.count > 1 ? pieces[1] : (launcher == .gunicorn ? "application" : nil)
        guard let attribute else {
            // uvicorn/importer.py ImportFromStringError.
            let message = "ERROR:    Error loading ASGI app. Import string \"\(app)\" must be in format \"<module>:<attribute>\"."
            failure = Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 3)
            return
        }
        var machine = ImportMachine(image: image, python: python, sysPath: lookup)
        machine.importModule(moduleName)
        if let failed = machine.failure {
            launcherImportFailure(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python)
            return
        }
        if let module = machine.modules[moduleName], case .source(let file, _) = module.origin, let scan = module.scan {
            let attributeName = String(attribute.prefix { $0 != "(" && $0 != "." })
            if !scan.boundNames.contains(attributeName) && !scan.definesModuleGetattr {
                switch launcher {
                case .uvicorn:
                    let message = "ERROR:    Error loading ASGI app. Attribute \"\(attribute)\" not found in module \"\(moduleName)\"."
                    failure = Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 3, location: SourceLocation(file: origin(file)))
                case .gunicorn:
                    let message = "Failed to find attribute '\(attribute)' in '\(moduleName)'."
                    failure = Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 4, exact: false, location: SourceLocation(file: origin(file)))
                }
                return
            }
            let (routes, complete) = ServingAnalysis.routes(in: scan, appName: attributeName)
            serving = launcherServing(launcher, parsed: parsed, routes: routes, complete: complete, file: origin(file))
        } else {
            serving = launcherServing(launcher, parsed: parsed, routes: [], complete: false, file: nil)
        }
        notes += machine.notes
    }

    mutating func launcherImportFailure(_ launcher: Launcher, moduleName: String, failed: (exception: PythonException, traceback: [TracebackFrame], viaImportlib: Bool),
                                        machine: ImportMachine, python: PythonInstallation) {
        notes += machine.notes
        switch launcher {
        case .uvicorn:
            // uvicorn/importer.py: a ModuleNotFoundError for the app module itself becomes
            // "Could not import module"; anything else is re-raised (exit 1) with a full traceback.
            if failed.exception.type == "ModuleNotFoundError", failed.exception.missingModule == moduleName {
                let message = "ERROR:    Error loading ASGI app. Could not import module \"\(moduleName)\"."
                failure = Failure(phase: .start, exception: "ModuleNotFoundError", message: message, stderr: message + "\n", exitCode: 3)
                return
            }
            let traceback = TracebackRenderer(version: python.version).render(frames: failed.traceback, exception: failed.exception.line)
            failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message,
                              stderr: traceback, exitCode: 1, exact: false, location: failed.traceback.last.map { SourceLocation(file: origin($0.file), line: $0.line) })
        case .gunicorn:
            // gunicorn/arbiter.py: the worker logs the traceback, the master exits 3 with
            // "Reason: Worker failed to boot." (timestamps and pids vary: not reproduced exactly).
            let traceback = TracebackRenderer(version: python.version).render(frames: failed.traceback, exception: failed.exception.line)
            let stderr = "[ERROR] Exception in worker process\n" + traceback + "[ERROR] Reason: Worker failed to boot.\n"
            failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message,
                              stderr: stderr, exitCode: 3, exact: false, location: failed.traceback.last.map { SourceLocation(file: origin($0.file), line: $0.line) })
        }
        notes.append(.importFailed(module: failed.exception.missingModule ?? moduleName, importedFrom: failed.traceback.last.map { SourceLocation(file: origin($0.file), line: $0.line) }, searched: sysPath))
    }

    func launcherServing(_ launcher: Launcher, parsed: Launcher.Arguments, routes: [String], complete: Bool, file: String?) -> ServingPrediction {
        let location = file.map { SourceLocation(file: $0) }
        switch launcher {
        case .uvicorn:
            // uvicorn/main.py defaults: --host 127.0.0.1, --port 8000.
            return ServingPrediction(server: "uvicorn", host: ServingPrediction.host(parsed.host, default: "127.0.0.1"),
                                     port: ServingPrediction.port(parsed.port, default: "8000", environment: environment),
                                     routes: routes.isEmpty && complete ? nil : routes, routesComplete: complete, location: location)
        case .gunicorn:
            // gunicorn/config.py Bind: default ['127.0.0.1:8000'], or 0.0.0.0:$PORT when PORT is set.
            let bind = parsed.bind.first ?? (environment["PORT"].map { "0.0.0.0:\($0)" } ?? "127.0.0.1:8000")
            let pieces = bind.split(separator: ":").map(String.init)
            let host = pieces.count > 1 ? pieces.dropLast().joined(separator: ":") : "127.0.0.1"
            let port = pieces.count > 1 ? pieces.last : pieces.first
            return ServingPrediction(server: "gunicorn", host: ServingPrediction.host(host, default: "127.0.0.1"),
                                     port: ServingPrediction.port(port, default: "8000", environment: environment),
                                     routes: routes.isEmpty && complete ? nil : routes, routesComplete: complete, location: location)
        }
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
                              location: SourceLocation(file: origin(file), line: error.line))
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
        failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 1,
                          exact: exact && !failed.viaImportlib && !machine.sysPathEditsIgnored && !machine.approximate, location: location)
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
