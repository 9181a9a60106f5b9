import Build
import Railway
import Snapshot

/// Server launchers' console scripts (`uvicorn`, `gunicorn`): how each changes sys.path, imports
/// the app, reports failures and binds (python-imports.md §4, from each launcher's own source).
extension PythonRun {
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

}
