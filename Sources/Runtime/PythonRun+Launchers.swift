import Build
import Railway
import Snapshot

/// Server launchers (console scripts and `python -m X`): how each changes sys.path, imports the
/// app, reports failures and binds (python-imports.md §4, from each launcher's own source; frames
/// recorded by scripts/generate-launcher-frames.py).
extension PythonRun {
    mutating func startLauncher(_ launcher: Launcher, arguments: [String], viaModule: Bool = false) {
        guard let python else {
            notes.append(.notSimulated("\(launcher.rawValue) runs on a Python railsim has no layout for"))
            return
        }
        version = python.version
        let parsed = launcher.parse(arguments)
        // A console script's path0 is its own directory; `python -m` puts the cwd first (python-imports.md §1.1).
        let path0 = viaModule ? image.fileSystem.realpath(cwd) : ImagePath.dirname(image.fileSystem.realpath(executable))
        var entries = computeSysPath(python: python, path0: path0, commandLine: nil)
        var workingDirectory = cwd
        var target: (module: String, attribute: String?)?
        switch launcher {
        case .uvicorn:
            // uvicorn/main.py 0.54.0: sys.path.insert(0, app_dir), app_dir defaulting to "" (the cwd at import time).
            entries.insert(parsed.appDir ?? "", at: 0)
            target = parsed.app.map(Self.splitTarget)
        case .gunicorn:
            // gunicorn/app/base.py 27.0.1 chdir(): inserts the start directory, then --chdir, at 0 if absent;
            // --pythonpath entries are inserted at 0 in order (gunicorn/app/base.py run()).
            workingDirectory = parsed.chdir.map { ImagePath.join(cwd, $0) } ?? cwd
            for directory in [cwd, workingDirectory] where !entries.contains(directory) { entries.insert(directory, at: 0) }
            for extra in parsed.pythonPath { entries.insert(ImagePath.join(workingDirectory, extra), at: 0) }
            // gunicorn/util.py import_app: `module:obj`, obj defaulting to "application".
            target = parsed.app.map { let split = Self.splitTarget($0); return (split.module, split.attribute ?? "application") }
        case .hypercorn:
            // hypercorn/utils.py load_application 0.18: Path(module).resolve().parent inserted at 0; `app` by default.
            if let app = parsed.app {
                var split = Self.splitTarget(app.hasPrefix("asgi:") || app.hasPrefix("wsgi:") ? String(app.dropFirst(5)) : app)
                let pathForm = split.module.replacingOccurrences(of: ".py", with: "")
                entries.insert(ImagePath.dirname(ImagePath.join(cwd, pathForm)), at: 0)
                split.module = ImagePath.basename(pathForm)
                target = (split.module, split.attribute ?? "app")
            }
        case .flask:
            // flask/cli.py 3.1.3 prepare_import: the file's package root, inserted at 0 unless already sys.path[0];
            // --app / FLASK_APP, default wsgi.py then app.py (ScriptInfo.load_app).
            var app = parsed.appOption ?? environment["FLASK_APP"]
            if app == nil {
                app = ["wsgi.py", "app.py"].first { image.fileSystem.isFile(ImagePath.join(cwd, $0)) }
            }
            if let app {
                let split = Self.splitTarget(app)
                let (root, module) = flaskPrepareImport(split.module)
                if entries.first != root { entries.insert(root, at: 0) }
                target = (module, split.attribute)
            }
        case .fastapi:
            // fastapi_cli/discover.py 0.0.34: the file's topmost package parent inserted at 0; default files
            // main.py app.py api.py app/main.py app/app.py app/api.py.
            let file = parsed.app ?? ["main.py", "app.py", "api.py", "app/main.py", "app/app.py", "app/api.py"].first { image.fileSystem.isFile(ImagePath.join(cwd, $0)) }
            if let file {
                let (root, module) = flaskPrepareImport(file)
                entries.insert(root, at: 0)
                target = (module, parsed.appOption ?? "app")
            }
        case .daphne:
            // daphne/cli.py: sys.path.insert(0, "."), then import_module(module) and getattr for `attr.path`.
            entries.insert(".", at: 0)
            target = parsed.app.map(Self.splitTarget)
        case .waitress:
            // waitress/runner.py: sys.path.append(os.getcwd()) — lowest precedence; pkgutil.resolve_name.
            entries.append(cwd)
            target = parsed.app.map(Self.splitTarget)
        case .celery:
            // celery/bin/celery.py: --workdir chdir; utils/imports.py cwd_in_path inserts the cwd at 0 while importing.
            workingDirectory = parsed.chdir.map { ImagePath.join(cwd, $0) } ?? cwd
            entries.insert(workingDirectory, at: 0)
            target = (parsed.appOption ?? "").isEmpty ? nil : parsed.appOption.map(Self.splitTarget)
        case .streamlit:
            // streamlit/web/bootstrap.py: dirname(main_script) at 0; script errors are shown in the browser
            // and the server keeps running (streamlit/runtime/scriptrunner/exec_code.py).
            if let script = parsed.app { entries.insert(ImagePath.dirname(ImagePath.join(cwd, script)), at: 0) }
            sysPath = entries
            serving = launcherServing(launcher, parsed: parsed, routes: [], complete: false, file: nil)
            notes.append(.notSimulated("streamlit runs \(parsed.app ?? "its script") in the server and shows script errors in the browser; the server keeps running"))
            return
        }
        // A literal "." (daphne) stays relative in __file__ before 3.11: FileFinder('.') joins onto the cwd
        // unnormalised, so tracebacks show "<cwd>/./pkg/mod.py" [EXP daphne 4.2.3, CPython 3.10.13 vs 3.11.7].
        let dotEntry = python.version.minor <= 10 ? (workingDirectory == "/" ? "/." : workingDirectory + "/.") : workingDirectory
        let lookup = entries.map { $0.isEmpty ? workingDirectory : $0 == "." ? dotEntry : $0 }
        sysPath = entries
        guard let target else {
            if launcher == .flask {
                // flask/cli.py ScriptInfo.load_app NoAppException, via click's usage error (exit 2).
                let message = "Error: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory."
                failure = Failure(phase: .start, message: message, stderr: "Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\n" + message + "\n", exitCode: 2)
            } else if launcher == .fastapi {
                // fastapi_cli/discover.py get_default_path: FastAPICLIException (Rich-rendered; exit 1).
                let message = "Could not find a default file to run, please provide an explicit path"
                failure = Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 1, exact: false)
            } else {
                notes.append(.notSimulated("\(launcher.rawValue) started without an app argument"))
            }
            return
        }
        if launcher == .uvicorn, target.attribute == nil, let app = parsed.app {
            // uvicorn/importer.py ImportFromStringError.
            let message = "ERROR:    Error loading ASGI app. Import string \"\(app)\" must be in format \"<module>:<attribute>\"."
            failure = Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 3)
            return
        }
        if launcher == .uvicorn, let port = parsed.port, Int(port) == nil {
            // click 8 IntRange/INT conversion failure: a usage error, exit 2 (uvicorn/main.py --port type=int).
            let message = "Error: Invalid value for '--port': '\(port)' is not a valid integer."
            failure = Failure(phase: .start, message: message, stderr: "Usage: uvicorn [OPTIONS] APP\nTry 'uvicorn --help' for help.\n\n" + message + "\n", exitCode: 2)
            return
        }
        var machine = ImportMachine(image: image, python: python, sysPath: lookup, cwd: cwd)
        machine.environment = environment.values
        machine.importModule(target.module)
        if let failed = machine.failure {
            launcherImportFailure(launcher, moduleName: target.module, failed: failed, machine: machine, python: python, viaModule: viaModule)
            return
        }
        notes += machine.notes
        guard let module = machine.modules[target.module], case .source(let file, _) = module.origin, let scan = module.scan else {
            serving = launcherServing(launcher, parsed: parsed, routes: [], complete: false, file: nil)
            return
        }
        // Django's wsgi.py/asgi.py: get_wsgi_application() runs django.setup() and loads MIDDLEWARE during the import.
        if let call = Self.djangoApplicationCall(in: scan),
           !runDjangoApplication(launcher, module: target.module, statement: call, scan: scan, file: file, machine: &machine, python: python, viaModule: viaModule) {
            return
        }
        var attribute = target.attribute
        if launcher == .flask, attribute == nil {
            // flask/cli.py find_best_app: `app` or `application`, then a single Flask instance, then create_app/make_app.
            attribute = ["app", "application", "create_app", "make_app"].first { scan.boundNames.contains($0) }
            if attribute == nil {
                let message = "Error: Failed to find Flask application or factory in module '\(target.module)'. Use '\(target.module):name' to specify one."
                failure = Failure(phase: .start, message: message, stderr: "Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\n" + message + "\n",
                                  exitCode: 2, exact: false, location: SourceLocation(file: origin(file)))
                return
            }
        }
        let attributeName = String((attribute ?? "app").prefix { $0 != "(" && $0 != "." })
        if !scan.boundNames.contains(attributeName) && !scan.definesModuleGetattr {
            // CPython's "Did you mean" for the module attribute (dir(module); 3.13 looks at the top-level package).
            let suggestion = machine.suggestion(for: attributeName, from: target.module)
            failure = attributeMissing(launcher, attribute: attribute ?? "app", module: target.module, file: file, suggestion: suggestion,
                                       suggestionKnown: !machine.approximate && (python.version.minor < 13 || !target.module.contains(".")))
            return
        }
        let (routes, complete) = ServingAnalysis.routes(in: scan, appName: attributeName)
        serving = launcherServing(launcher, parsed: parsed, routes: routes, complete: complete, file: origin(file))
    }

    static func splitTarget(_ app: String) -> (module: String, attribute: String?) {
        let pieces = app.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        return (pieces[0], pieces.count > 1 ? pieces[1] : nil)
    }

    /// flask/cli.py prepare_import (also fastapi_cli/discover.py): realpath, strip `.py` and
    /// `__init__`, walk up while the directory has `__init__.py`; returns (root, dotted module).
    func flaskPrepareImport(_ path: String) -> (root: String, module: String) {
        var current = image.fileSystem.realpath(ImagePath.join(cwd, path))
        if current.hasSuffix(".py") { current = String(current.dropLast(3)) }
        if ImagePath.basename(current) == "__init__" { current = ImagePath.dirname(current) }
        var names: [String] = []
        var steps = 0
        repeat {
            names.append(ImagePath.basename(current))
            current = ImagePath.dirname(current)
            steps += 1
        } while image.fileSystem.isFile(ImagePath.join(current, "__init__.py")) && current != "/" && steps < 64
        return (current, names.reversed().joined(separator: "."))
    }

    func attributeMissing(_ launcher: Launcher, attribute: String, module: String, file: String, suggestion: String? = nil, suggestionKnown: Bool = false) -> Failure {
        let location = SourceLocation(file: origin(file))
        switch launcher {
        case .uvicorn:
            // uvicorn/importer.py 0.54.0.
            let message = "ERROR:    Error loading ASGI app. Attribute \"\(attribute)\" not found in module \"\(module)\"."
            return Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 3, location: location)
        case .gunicorn:
            // gunicorn/util.py import_app 27.0.1 AppImportError, printed by the worker; arbiter exits 4
            // ("Reason: App failed to load."). Log prefixes normalised (see launcherLogPrefix).
            let message = "Failed to find attribute '\(attribute)' in '\(module)'."
            let stderr = message + "\n" + launcherLogPrefix("ERROR") + "Reason: App failed to load.\n"
            return Failure(phase: .start, message: message, stderr: stderr, exitCode: 4, exact: false, location: location)
        case .flask:
            // flask/cli.py find_app_by_string 3.1.3 NoAppException via click (exit 2).
            let message = "Error: Failed to find attribute '\(attribute)' in '\(module)'."
            return Failure(phase: .start, message: message, stderr: "Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\n" + message + "\n", exitCode: 2, location: location)
        case .daphne, .waitress, .hypercorn, .celery:
            if let text = recordedAttributeFailure(launcher, attribute: attribute, module: module, suggestion: suggestion, suggestionKnown: suggestionKnown) {
                return text.failure(location)
            }
            fallthrough
        default:
            // celery/fastapi raise their own errors; the text is not modelled.
            let message = "module '\(module)' has no attribute '\(attribute)'"
            return Failure(phase: .start, exception: "AttributeError", message: message, stderr: "AttributeError: \(message)\n", exitCode: launcher == .hypercorn ? 0 : 1,
                           exact: false, location: location)
        }
    }

    /// gunicorn's log prefix `[YYYY-MM-DD HH:MM:SS +0000] [pid] [LEVEL] ` (gunicorn/glogging.py
    /// 27.0.1): timestamps and pids vary per run, so railsim writes this fixed placeholder and marks
    /// the text inexact; the oracle compares modulo this normalisation.
    func launcherLogPrefix(_ level: String) -> String { "[YYYY-MM-DD HH:MM:SS +0000] [PID] [\(level)] " }

    /// The launcher version whose frames apply: the catalogued one when requirements pin exactly it.
    func launcherVersionCheck(_ launcher: Launcher) -> (version: String?, exact: Bool) {
        // Launchers the catalogue does not list: the version scripts/generate-launcher-frames.py pinned and recorded.
        guard let catalogued = DistributionCatalog.shared.entry(forDistribution: launcher.distribution)?.wheelVersion
                ?? LauncherFrames.table.records.values.first(where: { $0.launcher == launcher.rawValue })?.version else { return (nil, false) }
        let name = PythonPackageName.normalize(launcher.distribution)
        guard let installed = image.distributions.first(where: { PythonPackageName.normalize($0.name) == name }),
              let location = installed.requiredAt, let line = location.line, let repoPath = RepoPath(location.file),
              let imagePath = image.fileSystem.imagePaths(of: repoPath).first,
              let bytes = try? image.fileSystem.contents(of: imagePath) else { return (catalogued, false) }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return (catalogued, false) }
        let text = lines[line - 1].split(separator: "#").first.map(String.init) ?? ""
        // PEP 440 `==X` pin (requirements file format, pip docs).
        guard let range = text.range(of: "==") else { return (catalogued, false) }
        let pinned = text[range.upperBound...].prefix { !$0.isWhitespace && $0 != ";" && $0 != "," }
        return (catalogued, pinned == catalogued)
    }

    /// The recorded launcher frames for this image, or why they do not apply.
    func recordedFrames(_ launcher: Launcher, python: PythonInstallation) -> (record: LauncherFrames.Record?, exact: Bool, why: String?) {
        let check = launcherVersionCheck(launcher)
        guard let version = check.version else { return (nil, false, "\(launcher.distribution) is not in railsim's catalogue") }
        let full = python.version.description
        guard let record = LauncherFrames.table.records[LauncherFrames.key(launcher.rawValue, version, full)]
                ?? LauncherFrames.table.records.values.first(where: { $0.launcher == launcher.rawValue && $0.version == version && $0.python.hasPrefix(python.version.short + ".") }) else {
            return (nil, false, "no frames recorded for \(launcher.distribution) \(version) on Python \(full)")
        }
        var why: String? = nil
        if !check.exact { why = "assumed \(launcher.distribution) \(version) (the catalogued version; requirements do not pin it)" }
        if record.python != full { why = "frames recorded on Python \(record.python), the image has \(full)" }
        if launcher == .uvicorn, let click = record.click, click != DistributionCatalog.shared.entry(forDistribution: "click")?.wheelVersion {
            why = "frames recorded with click \(click)"
        }
        return (record, why == nil, why)
    }

    /// Launcher frames + importlib frames for a failure under `import_module(moduleName)`.
    func importModuleTraceback(_ launcher: Launcher, moduleName: String, failed: (exception: PythonException, traceback: [TracebackFrame], viaImportlib: Bool),
                               machine: ImportMachine, python: PythonInstallation, viaModule: Bool) -> (text: String, exact: Bool) {
        let recorded = recordedFrames(launcher, python: python)
        let parts = moduleName.split(separator: ".").map(String.init)
        // The failing level: the first ancestor (or the module) that did not finish importing.
        let failingLevel = (0..<parts.count).first { machine.modules[parts.prefix($0 + 1).joined(separator: ".")]?.initialized != true } ?? (parts.count - 1)
        let bootstrap = LauncherFrames.bootstrapFrames(python: recorded.record?.python ?? python.version.description, depth: parts.count,
                                                       failingLevel: failingLevel, notFound: failed.traceback.isEmpty)
        let site = image.distributions.first { PythonPackageName.normalize($0.name) == PythonPackageName.normalize(launcher.distribution) }?.sitePackages
            ?? python.siteDirectories.first ?? ""
        let script = executable.hasPrefix("/") ? executable : ImagePath.join(cwd, executable)
        let renderer = TracebackRenderer(version: python.version)
        let user = renderer.render(frames: (bootstrap ?? []) + failed.traceback, exception: failed.exception.line)
        var text = "Traceback (most recent call last):\n"
        if let record = recorded.record {
            text += LauncherFrames.render(record.frames, script: script, site: site, stdlib: python.stdlibDirectory)
        }
        text += user.dropFirst("Traceback (most recent call last):\n".count)
        let exact = recorded.exact && bootstrap != nil && !viaModule && (failed.traceback.isEmpty || !failed.viaImportlib)
            && !machine.sysPathEditsIgnored && !machine.approximate
        return (text, exact)
    }

    mutating func launcherImportFailure(_ launcher: Launcher, moduleName: String, failed: (exception: PythonException, traceback: [TracebackFrame], viaImportlib: Bool),
                                        machine: ImportMachine, python: PythonInstallation, viaModule: Bool) {
        notes += machine.notes
        let location = failed.traceback.last.map { SourceLocation(file: origin($0.file), line: $0.line) }
        let missingTarget = failed.exception.type == "ModuleNotFoundError" && failed.exception.missingModule == moduleName
        switch launcher {
        case .uvicorn:
            // uvicorn/importer.py 0.54.0: a ModuleNotFoundError whose name is the app module becomes
            // "Could not import module" (exit 3); anything else is re-raised from None (exit 1).
            if missingTarget {
                let message = "ERROR:    Error loading ASGI app. Could not import module \"\(moduleName)\"."
                failure = Failure(phase: .start, exception: "ModuleNotFoundError", message: message, stderr: message + "\n", exitCode: 3)
            } else {
                let traceback = importModuleTraceback(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python, viaModule: viaModule)
                failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message,
                                  stderr: traceback.text, exitCode: 1, exact: traceback.exact, location: location)
            }
        case .gunicorn:
            // gunicorn/workers/base.py 27.0.1 load_wsgi: logs "Exception in worker process" with the
            // traceback, prints str(exc); arbiter.py exits 3 with "Reason: Worker failed to boot.".
            let traceback = importModuleTraceback(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python, viaModule: viaModule)
            let stderr = launcherLogPrefix("ERROR") + "Exception in worker process\n" + traceback.text + failed.exception.message + "\n"
                + launcherLogPrefix("ERROR") + "Reason: Worker failed to boot.\n"
            failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message,
                              stderr: stderr, exitCode: 3, exact: false, location: location)
        case .flask:
            // flask/cli.py 3.1.3 locate_app: `__import__` (importlib frames stripped); an ImportError raised
            // directly by it (traceback depth 1) is "Could not import"; deeper ones are re-reported with
            // the formatted traceback; both through click's usage error (exit 2).
            let usage = "Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\n"
            guard failed.exception.type == "ModuleNotFoundError" || failed.exception.type == "ImportError" else {
                let text = TracebackRenderer(version: python.version).render(frames: failed.traceback, exception: failed.exception.line)
                failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 1, exact: false, location: location)
                break
            }
            if failed.traceback.isEmpty {
                let message = "Error: Could not import '\(moduleName)'."
                failure = Failure(phase: .start, exception: failed.exception.type, message: message, stderr: usage + message + "\n", exitCode: 2)
            } else {
                let recorded = recordedFrames(launcher, python: python)
                let site = image.distributions.first { PythonPackageName.normalize($0.name) == "flask" }?.sitePackages ?? python.siteDirectories.first ?? ""
                let frames = recorded.record.map { LauncherFrames.render($0.frames, script: executable, site: site, stdlib: python.stdlibDirectory) } ?? ""
                let user = TracebackRenderer(version: python.version).render(frames: failed.traceback, exception: failed.exception.line)
                let text = usage + "Error: While importing '\(moduleName)', an ImportError was raised:\n\n" + "Traceback (most recent call last):\n"
                    + frames + user.dropFirst("Traceback (most recent call last):\n".count) + "\n"
                failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 2,
                                  exact: recorded.exact && !failed.viaImportlib && !machine.sysPathEditsIgnored && !machine.approximate, location: location)
            }
        case _ where [.hypercorn, .daphne, .waitress, .celery].contains(launcher)
                && recordedImportFailure(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python, viaModule: viaModule) != nil:
            // Composed from the recorded launcher output (PythonRun+RecordedLaunchers.swift).
            if let text = recordedImportFailure(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python, viaModule: viaModule) {
                failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text.stderr,
                                  exitCode: text.exitCode, exact: text.exact, location: location)
            }
        case .hypercorn:
            // hypercorn/utils.py 0.18 NoAppError in the spawned worker; the parent exits 0.
            let line = missingTarget ? "hypercorn.utils.NoAppError: Cannot load application from '\(moduleName)', module not found." : failed.exception.line
            failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: line + "\n", exitCode: 0, exact: false, location: location)
        case .celery:
            // celery/bin/celery.py 5.7.0 App param type: click usage error (exit 2).
            let last = missingTarget ? "The module \(moduleName) was not found." : failed.exception.line
            let text = "Usage: celery [OPTIONS] [COMMAND] [ARGS]...\nTry 'celery --help' for help.\n\nError: \nUnable to load celery application.\n" + last + "\n"
            failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 2, exact: false, location: location)
        case .waitress:
            // waitress/runner.py: prints the error, the usage text, and the exception summary; exit 1.
            let text = "Error: \(failed.exception.message)\n…\nThere was an exception (\(failed.exception.type)) importing your module.\n\nIt had these arguments: \n1. \(failed.exception.message)\n"
            failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 1, exact: false, location: location)
        case .daphne, .fastapi, .streamlit:
            // daphne/cli.py: uncaught traceback (exit 1); fastapi_cli prints a Rich-boxed traceback, exit 1.
            let traceback = importModuleTraceback(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python, viaModule: viaModule)
            failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message,
                              stderr: traceback.text, exitCode: 1, exact: false, location: location)
        }
        notes.append(.importFailed(module: failed.exception.missingModule ?? moduleName, importedFrom: location, searched: sysPath))
    }

    func launcherServing(_ launcher: Launcher, parsed: Launcher.Arguments, routes: [String], complete: Bool, file: String?) -> ServingPrediction? {
        let location = file.map { SourceLocation(file: $0) }
        let routeList = routes.isEmpty && complete ? nil : routes
        func make(_ host: String?, _ defaultHost: String, _ port: String?, _ defaultPort: String) -> ServingPrediction {
            ServingPrediction(server: launcher.rawValue, host: ServingPrediction.host(host, default: defaultHost),
                              port: ServingPrediction.port(port, default: defaultPort, environment: environment),
                              routes: routeList, routesComplete: complete, location: location)
        }
        func split(_ bind: String) -> (String?, String?) {
            let pieces = bind.split(separator: ":").map(String.init)
            return pieces.count > 1 ? (pieces.dropLast().joined(separator: ":"), pieces.last) : (nil, pieces.first)
        }
        switch launcher {
        case .uvicorn:
            // uvicorn/main.py 0.54.0 defaults: --host 127.0.0.1, --port 8000 (UVICORN_HOST/UVICORN_PORT via auto_envvar_prefix).
            return make(parsed.host ?? environment["UVICORN_HOST"], "127.0.0.1", parsed.port ?? environment["UVICORN_PORT"], "8000")
        case .gunicorn:
            // gunicorn/config.py 27.0.1 Bind: ['127.0.0.1:8000'], or ['0.0.0.0:$PORT'] when PORT is set.
            let bind = parsed.bind.first ?? (environment["PORT"].map { "0.0.0.0:\($0)" } ?? "127.0.0.1:8000")
            let (host, port) = split(bind)
            return make(host, "127.0.0.1", port, "8000")
        case .hypercorn:
            // hypercorn/config.py 0.18: bind ["127.0.0.1:8000"].
            let (host, port) = split(parsed.bind.first ?? "127.0.0.1:8000")
            return make(host, "127.0.0.1", port, "8000")
        case .fastapi:
            // fastapi_cli/cli.py 0.0.34: `run` binds 0.0.0.0, `dev` 127.0.0.1; port 8000.
            return make(parsed.host, parsed.subcommand == "dev" ? "127.0.0.1" : "0.0.0.0", parsed.port, "8000")
        case .flask:
            // flask/cli.py 3.1.3 run_command: --host 127.0.0.1, --port 5000 (FLASK_RUN_HOST/FLASK_RUN_PORT).
            return make(parsed.host ?? environment["FLASK_RUN_HOST"], "127.0.0.1", parsed.port ?? environment["FLASK_RUN_PORT"], "5000")
        case .daphne:
            // daphne/cli.py: --bind 127.0.0.1? default host "127.0.0.1", --port 8000.
            return make(parsed.host, "127.0.0.1", parsed.port, "8000")
        case .waitress:
            // waitress/adjustments.py: host 0.0.0.0, port 8080; --listen HOST:PORT.
            let (host, port) = parsed.listen.map(split) ?? (parsed.host, parsed.port)
            return make(host, "0.0.0.0", port, "8080")
        case .celery:
            // A celery worker serves no HTTP (celery/bin/worker.py).
            return ServingPrediction(server: "celery \(parsed.subcommand ?? "")", host: .unknown, port: .unknown, routes: nil, routesComplete: false,
                                     location: location, servesHTTP: false)
        case .streamlit:
            // streamlit/config.py: server.port 8501, server.address unset (all interfaces).
            return make(parsed.host, "0.0.0.0", parsed.port ?? environment["STREAMLIT_SERVER_PORT"], "8501")
        }
    }
}
