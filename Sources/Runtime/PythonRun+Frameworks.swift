import Build
import Railway
import Snapshot

/// Start-up that continues after the main module has run: a framework the main module hands over
/// to (`django.core.management.execute_from_command_line(sys.argv)` in manage.py) imports more
/// modules (settings, INSTALLED_APPS, URLconf) before the process serves. The seam is
/// `continueAfterMain`; each framework lives in its own file.
extension PythonRun {
    mutating func continueAfterMain(scan: PythonModuleScan, file: String, machine: inout ImportMachine, python: PythonInstallation) {
        guard let handOver = DjangoStartup.handOver(in: scan) else { return }
        runDjangoManage(handOver, file: file, machine: &machine, python: python)
    }

    /// The script path CPython shows for `__main__` (same rule as `runScript`).
    func mainDisplayPath(python: PythonInstallation, fallback: String) -> String {
        guard case .script(let path)? = PythonCommandLine.parse(Array(argv.dropFirst()))?.target else { return fallback }
        let joined = path.hasPrefix("/") ? path : (cwd == "/" ? "/" + path : cwd + "/" + path)
        return python.version.minor >= 9 ? joined : path
    }

    /// The command after the script (`migrate` in `python manage.py migrate`).
    var djangoCommand: String? {
        guard let parsed = PythonCommandLine.parse(Array(argv.dropFirst())), case .script(let path) = parsed.target,
              let index = argv.firstIndex(of: path), index + 1 < argv.count else { return nil }
        return argv[index + 1]
    }

    // MARK: manage.py's own code

    /// Walks the hand-over code (manage.py's `main()` body, in the frame CPython would show) one
    /// statement at a time: imports through the import machine, `try/except` with the template's
    /// `raise ImportError(...) from exc` (django/conf/project_template/manage.py-tpl, 6.1.3).
    mutating func runDjangoManage(_ handOver: DjangoStartup.HandOver, file: String, machine: inout ImportMachine, python: PythonInstallation) {
        let display = mainDisplayPath(python: python, fallback: file)
        var frames = [ImportMachine.Frame(module: "__main__", file: display, sourcePath: file, isMain: true, package: nil, current: handOver.callStatement)]
        if let name = handOver.functionName {
            var function = frames[0]
            function.function = name
            function.current = nil
            frames.append(function)
        }
        let inner = frames.count - 1
        struct Item { var statements: ArraySlice<PyStatement>; var handlers: [[PyExceptHandler]] }
        var work = [Item(statements: handOver.body[...], handlers: [])]
        var executeStatement: PyStatement? = nil
        var steps = 0
        while let item = work.popLast(), steps < 10_000 {
            steps += 1
            guard let statement = item.statements.first else { continue }
            work.append(Item(statements: item.statements.dropFirst(), handlers: item.handlers))
            switch statement.kind {
            case .importModules, .importFrom, .dynamicImport:
                machine.failure = nil
                machine.frames = frames
                machine.tasks = [.block([statement], 0, frame: inner)]
                machine.run()
                guard let failed = machine.failure else { continue }
                // The innermost enclosing handler that catches it (PythonException.isCaught).
                guard let level = item.handlers.lastIndex(where: { $0.contains { failed.exception.isCaught(by: $0.types) } }),
                      let handler = item.handlers[level].first(where: { failed.exception.isCaught(by: $0.types) }) else {
                    // Uncaught: runScript's finishMachine renders it with these frames.
                    return
                }
                let source = (try? image.fileSystem.contents(of: file)) ?? []
                if let raised = PyRaise.first(in: source, within: handler.span) {
                    chainedFailure(caught: failed, raised: raised, frames: frames, machine: machine, python: python, file: file)
                    machine.failure = nil
                    return
                }
                // Swallowed: drop the rest of the try body, run the handler.
                machine.failure = nil
                work.removeAll { $0.handlers.count > level }
                work.append(Item(statements: handler.body[...], handlers: Array(item.handlers.prefix(level))))
            case .tryStatement(let body, let handlers, let orElse, let finally):
                work.append(Item(statements: finally[...], handlers: item.handlers))
                work.append(Item(statements: orElse[...], handlers: item.handlers))
                work.append(Item(statements: body[...], handlers: item.handlers + [handlers]))
            case .with(let body):
                work.append(Item(statements: body[...], handlers: item.handlers))
            case .call(let call) where DjangoStartup.isExecuteCall(call.callee):
                executeStatement = statement
                work.removeAll()
            default:
                continue
            }
        }
        machine.frames = []
        machine.tasks = []
        guard let executeStatement else { return }
        var callFrames = frames
        callFrames[inner].current = executeStatement
        runDjangoSetup(handOver: handOver, callFrames: callFrames, machine: &machine, python: python, file: file)
    }

    /// `raise New(...) from exc` in the handler: the caught traceback (from the handling frame
    /// down), the chaining line, then the new exception's traceback (python-imports.md §3.2).
    mutating func chainedFailure(caught: (exception: PythonException, traceback: [TracebackFrame], viaImportlib: Bool), raised: PyRaise,
                                 frames: [ImportMachine.Frame], machine: ImportMachine, python: PythonInstallation, file: String) {
        let renderer = TracebackRenderer(version: python.version)
        let handlingFrames = Array(caught.traceback.dropFirst(frames.count - 1))
        var outerFrames = frames.dropLast().compactMap { machine.tracebackFrame($0) }
        var raiseFrame = frames[frames.count - 1]
        raiseFrame.current = PyStatement(kind: .other, span: raised.span)
        if let frame = machine.tracebackFrame(raiseFrame) { outerFrames.append(frame) }
        let message = raised.message ?? ""
        let exceptionLine = message.isEmpty ? raised.type : "\(raised.type): \(message)"
        var text = ""
        switch raised.cause {
        case .explicit:
            text = renderDjangoFrames(handlingFrames, renderer: renderer, callStatements: frames) + caught.exception.line + "\n"
                + "\nThe above exception was the direct cause of the following exception:\n\n"
        case .implicit:
            text = renderDjangoFrames(handlingFrames, renderer: renderer, callStatements: frames) + caught.exception.line + "\n"
                + "\nDuring handling of the above exception, another exception occurred:\n\n"
        case .suppressed:
            break
        }
        text += renderDjangoFrames(outerFrames, renderer: renderer, callStatements: frames) + exceptionLine + "\n"
        let location = SourceLocation(file: origin(file), line: raised.span.startLine)
        failure = Failure(phase: .start, exception: raised.type, message: message, stderr: text, exitCode: 1,
                          exact: raised.message != nil && !caught.viaImportlib && !machine.sysPathEditsIgnored && !machine.approximate,
                          location: location)
        if caught.exception.type == "ModuleNotFoundError" {
            notes.append(.importFailed(module: caught.exception.missingModule ?? "", importedFrom: caught.traceback.last.map { SourceLocation(file: origin($0.file), line: $0.line) }, searched: sysPath))
        }
    }

    /// `Traceback (most recent call last):` and the frames. manage.py's call statements (`main()`,
    /// `execute_from_command_line(sys.argv)`) get 3.13's call anchors, `~` under the callee and
    /// `^` from the parenthesis (3.13 Lib/traceback.py `_extract_caret_anchors_from_line_segment`)
    /// [EXP 3.13.0, Django 6.1.3 manage.py].
    func renderDjangoFrames(_ frames: [TracebackFrame], renderer: TracebackRenderer, callStatements: [ImportMachine.Frame], django: String = "") -> String {
        var out = "Traceback (most recent call last):\n"
        for frame in frames {
            out += "  File \"\(frame.file)\", line \(frame.line), in \(frame.function)\n"
            let call = callStatements.lazy.compactMap { candidate -> PyCall? in
                guard let statement = candidate.current, statement.span.startLine == frame.line, candidate.function == frame.function,
                      case .call(let call) = statement.kind else { return nil }
                return call
            }.first
            if let call, renderer.version.minor >= 13, let line = frame.sourceLines?.first, frame.sourceLines?.count == 1,
               call.span.startLine == call.span.endLine {
                let stripped = line.trimmingWhitespace()
                let leading = line.prefix { $0 == " " || $0 == "\t" }.count
                let callee = call.callee.count
                let width = call.span.endColumn - call.span.startColumn
                out += "    \(stripped)\n"
                out += "    " + String(repeating: " ", count: max(0, call.span.startColumn - leading)) + String(repeating: "~", count: callee)
                    + String(repeating: "^", count: max(0, width - callee)) + "\n"
            } else {
                out += renderer.sourceBlock(frame)
            }
        }
        return out + django
    }

    // MARK: django.setup() and the system checks

    /// What `execute_from_command_line` imports before the command runs: the settings module
    /// (django/conf/__init__.py `Settings.__init__`), every INSTALLED_APPS entry and its `apps`
    /// and `models` submodules (django/apps/registry.py `populate`, django/apps/config.py
    /// `create`, `import_models`), then ROOT_URLCONF through the URL system check
    /// (django/core/checks/urls.py `check_url_config`), which `check` and `migrate` run
    /// (django/core/management/commands/migrate.py `handle`: `self.check(...)`). MIDDLEWARE and
    /// WSGI_APPLICATION are not imported by these commands (the WSGI handler and `runserver` do).
    mutating func runDjangoSetup(handOver: DjangoStartup.HandOver, callFrames: [ImportMachine.Frame], machine: inout ImportMachine, python: PythonInstallation, file: String) {
        let command = djangoCommand ?? "help"
        guard ["migrate", "check", "runserver", "collectstatic", "createsuperuser", "shell"].contains(command) || command.first?.isLetter == true,
              command != "help", command != "version" else { return }
        let settingsName = environment["DJANGO_SETTINGS_MODULE"].flatMap { $0.isEmpty ? nil : $0 } ?? DjangoStartup.settingsDefault(in: handOver.body)
        guard let settingsName else {
            notes.append(.notSimulated("`python manage.py \(command)`: DJANGO_SETTINGS_MODULE is neither set nor defaulted with a literal in \(origin(file)); Django's ImproperlyConfigured path is not simulated"))
            return
        }
        // 1. The settings module.
        guard djangoImport(settingsName, scenario: .settings, command: command, callFrames: callFrames, machine: &machine, python: python) else { return }
        let apps = DjangoSettings.value("INSTALLED_APPS", module: settingsName, machine: machine, image: image)
        switch apps {
        case .strings(let entries):
            for entry in entries {
                // An AppConfig class path (`app.apps.AppConfig`): Django imports its module.
                let last = entry.split(separator: ".").last.map(String.init) ?? entry
                let isClassPath = entry.contains(".") && last.first?.isUppercase == true
                let module = isClassPath ? String(entry.dropLast(last.count + 1)) : entry
                guard djangoImport(module, scenario: .app, command: command, callFrames: callFrames, machine: &machine, python: python, exact: !isClassPath) else { return }
                // `<app>.apps` and `<app>.models` when they exist (module_has_submodule).
                if !isClassPath, let parent = machine.modules[entry], case .source = parent.origin {
                    for sub in ["apps", "models"] where machine.finder.find(entry + "." + sub, in: parent.origin.searchPath) != nil {
                        guard djangoImport(entry + "." + sub, scenario: .app, command: command, callFrames: callFrames, machine: &machine, python: python, exact: false) else { return }
                    }
                }
            }
        case .notLiteral(let why):
            notes.append(.notSimulated("INSTALLED_APPS in \(settingsName) is not a literal list of strings (\(why)); railsim cannot evaluate it statically, so the apps Django imports at start-up are not checked"))
        case .string:
            notes.append(.notSimulated("INSTALLED_APPS in \(settingsName) is a string, not a list; Django would iterate its characters"))
        case .absent:
            break
        }
        // 2. ROOT_URLCONF, through the URL check (not for commands that skip checks).
        if command == "migrate" || command == "check" || command == "runserver" {
            switch DjangoSettings.value("ROOT_URLCONF", module: settingsName, machine: machine, image: image) {
            case .string(let urlconf):
                guard djangoImport(urlconf, scenario: .urlconf, command: command, callFrames: callFrames, machine: &machine, python: python) else { return }
            case .notLiteral(let why):
                notes.append(.notSimulated("ROOT_URLCONF in \(settingsName) is not a string literal (\(why)); railsim cannot check the URLconf import"))
            default:
                break
            }
        }
        if command == "migrate" {
            // migrate connects to DATABASES["default"] before applying migrations
            // (django/core/management/commands/migrate.py `handle`, 6.1.3).
            notes.append(.notSimulated("`python manage.py migrate` runs at start-up and needs the database in DATABASES (\(settingsName)) reachable from the container; railsim does not run it, and the deploy crashes if the database is not reachable at start"))
        }
    }

    /// `importlib.import_module(name)` from inside Django: on failure, the manage.py frames,
    /// Django's frames for this scenario, importlib's frames, the user's frames and the exception.
    /// Returns false when start-up stops here.
    mutating func djangoImport(_ name: String, scenario: DjangoFrameTable.Scenario, command: String, callFrames: [ImportMachine.Frame],
                               machine: inout ImportMachine, python: PythonInstallation, exact: Bool = true) -> Bool {
        guard let failed = machine.importFresh(name) else { return true }
        let renderer = TracebackRenderer(version: python.version)
        let parts = name.split(separator: ".").map(String.init)
        let shape: DjangoFrameTable.Shape
        var shapeExact = true
        if failed.traceback.isEmpty {
            let missing = failed.exception.missingModule ?? name
            if missing == name || parts.count == 1 {
                shape = .missing
            } else {
                shape = .missingParent
                shapeExact = parts.count == 2 && missing == parts[0]
            }
        } else {
            shape = .body
            // The first user frame must be the module itself (not a parent package's __init__).
            shapeExact = failed.traceback.first.map { frame in machine.modules[name] == nil && !frame.file.hasSuffix("/__init__.py") || parts.count == 1 } ?? false
        }
        let sitePackages = image.distributions.first { $0.importNames.contains("django") }?.sitePackages ?? "\(python.stdlibDirectory)/site-packages"
        let prefix = DjangoFrameTable.prefix(minor: python.version.minor, command: command, scenario: scenario)
        let tail = DjangoFrameTable.tail(minor: python.version.minor, shape: shape)
        let djangoText = DjangoFrameTable.render((prefix?.frames ?? []) + (tail?.frames ?? []), sitePackages: sitePackages, stdlib: python.stdlibDirectory)
        let manageFrames = callFrames.compactMap { machine.tracebackFrame($0) }
        var text = renderDjangoFrames(manageFrames, renderer: renderer, callStatements: callFrames, django: djangoText)
        for frame in failed.traceback { text += "  File \"\(frame.file)\", line \(frame.line), in \(frame.function)\n" + renderer.sourceBlock(frame) }
        text += failed.exception.line + "\n"
        let versionMatches = DistributionCatalog.shared.entry(forDistribution: "django")?.wheelVersion == DjangoFrameTable.djangoVersion
        let patchMatches = python.version.patch != nil && DjangoFrameTable.patches[python.version.minor] == python.version.patch
        let isExact = exact && shapeExact && versionMatches && patchMatches && (prefix?.exact ?? false) && (tail?.exact ?? false)
            && !machine.sysPathEditsIgnored && !machine.approximate
        let location = failed.traceback.last.map { SourceLocation(file: origin($0.file), line: $0.line) }
        failure = Failure(phase: .start, exception: failed.exception.type, message: failed.exception.message, stderr: text, exitCode: 1,
                          exact: isExact, location: location)
        if failed.exception.type == "ModuleNotFoundError" {
            notes.append(.importFailed(module: failed.exception.missingModule ?? name, importedFrom: location, searched: sysPath))
        }
        return false
    }
}
