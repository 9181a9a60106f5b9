import Build
import Railway
import Snapshot

/// A launcher serving Django's `wsgi.py`/`asgi.py` (`gunicorn mysite.wsgi:application`, Railpack's
/// Django command): the module-level `get_wsgi_application()` runs while the launcher imports the
/// module, so `django.setup()` (settings, INSTALLED_APPS) and the handler's MIDDLEWARE imports
/// fail inside the launcher's import. Facts from Django 6.1.3: django/core/wsgi.py
/// get_wsgi_application, django/__init__.py setup, django/apps/registry.py populate,
/// django/core/handlers/base.py load_middleware, django/utils/module_loading.py import_string.
extension PythonRun {
    /// The module-level `get_wsgi_application()` / `get_asgi_application()` statement, if any.
    static func djangoApplicationCall(in scan: PythonModuleScan) -> PyStatement? {
        func isFactory(_ callee: String) -> Bool {
            ["get_wsgi_application", "get_asgi_application"].contains(callee.split(separator: ".").last.map(String.init) ?? "")
        }
        for statement in scan.body {
            switch statement.kind {
            case .assignment(_, .call(let call)) where isFactory(call.callee): return statement
            case .call(let call) where isFactory(call.callee): return statement
            default: continue
            }
        }
        return nil
    }

    /// Runs Django's set-up for the launcher's app module; returns false when start-up stops
    /// (then `failure` is set, in the launcher's own failure form).
    mutating func runDjangoApplication(_ launcher: Launcher, module: String, statement: PyStatement, scan: PythonModuleScan, file: String,
                                       machine: inout ImportMachine, python: PythonInstallation, viaModule: Bool) -> Bool {
        guard image.distributions.contains(where: { $0.importNames.contains("django") }) else { return true }
        let callFrame = ImportMachine.Frame(module: module, file: file, sourcePath: file, isMain: false, package: nil, current: statement)
        let wsgiFrame = machine.tracebackFrame(callFrame)
        let minor = python.version.minor
        let sitePackages = image.distributions.first { $0.importNames.contains("django") }?.sitePackages ?? "\(python.stdlibDirectory)/site-packages"

        /// django.setup()'s frames as recorded for `manage.py check` (from django/__init__.py on),
        /// then importlib's; the frames above differ (get_wsgi_application), so the text is inexact.
        func djangoFrames(_ scenario: DjangoFrameTable.Scenario?, shape: DjangoFrameTable.Shape) -> [TracebackFrame] {
            var recorded: [DjangoFrameTable.Frame] = []
            if let scenario, let prefix = DjangoFrameTable.prefix(minor: minor, command: "check", scenario: scenario)?.frames {
                recorded += prefix.drop { !$0.file.hasSuffix("django/__init__.py") }
            }
            recorded += DjangoFrameTable.tail(minor: minor, shape: shape)?.frames ?? []
            return recorded.map { frame in
                let path = frame.file.replacingOccurrences(of: "{site}", with: sitePackages).replacingOccurrences(of: "{stdlib}", with: python.stdlibDirectory)
                let source = frame.printed.first.map { [$0.trimmingWhitespace()] }
                return TracebackFrame(file: path, line: frame.line, function: frame.function, sourceLines: source)
            }
        }

        func fail(_ exception: PythonException, frames: [TracebackFrame], missing: String? = nil) {
            let failed = (exception: exception, traceback: (wsgiFrame.map { [$0] } ?? []) + frames, viaImportlib: true)
            launcherImportFailure(launcher, moduleName: module, failed: failed, machine: machine, python: python, viaModule: viaModule)
            // Django's frames above import_module come from get_wsgi_application, not recorded: inexact.
            failure?.exact = false
        }

        /// `import_module(name)` from inside Django.
        func load(_ name: String, _ scenario: DjangoFrameTable.Scenario?) -> Bool {
            guard let failed = machine.importFresh(name) else { return true }
            let shape: DjangoFrameTable.Shape = failed.traceback.isEmpty ? (failed.exception.missingModule == name || !name.contains(".") ? .missing : .missingParent) : .body
            fail(failed.exception, frames: djangoFrames(scenario, shape: shape) + failed.traceback)
            return false
        }

        // django/conf/__init__.py LazySettings._setup: the env var, else wsgi.py's setdefault.
        guard let settingsName = environment["DJANGO_SETTINGS_MODULE"].flatMap({ $0.isEmpty ? nil : $0 }) ?? DjangoStartup.settingsDefault(in: scan.body) else {
            // django/conf/__init__.py 6.1.3 LazySettings._setup ImproperlyConfigured (first access: LOGGING_CONFIG in setup()).
            let message = "Requested setting LOGGING_CONFIG, but settings are not configured. You must either define the environment variable DJANGO_SETTINGS_MODULE or call settings.configure() before accessing settings."
            fail(PythonException(type: "django.core.exceptions.ImproperlyConfigured", message: message), frames: [])
            return false
        }
        // 1. setup(): the settings module (Settings.__init__ import_module).
        guard load(settingsName, .settings) else { return false }
        // 2. apps.populate(INSTALLED_APPS): every entry (and its `apps` submodule) first, then each app's `models`.
        var modelModules: [String] = []
        switch DjangoSettings.value("INSTALLED_APPS", module: settingsName, machine: machine, image: image) {
        case .strings(let entries):
            for entry in entries {
                let last = entry.split(separator: ".").last.map(String.init) ?? entry
                let isClassPath = entry.contains(".") && last.first?.isUppercase == true
                let name = isClassPath ? String(entry.dropLast(last.count + 1)) : entry
                guard load(name, .app) else { return false }
                if !isClassPath, let parent = machine.modules[entry], case .source = parent.origin {
                    if machine.finder.find(entry + ".apps", in: parent.origin.searchPath) != nil { guard load(entry + ".apps", .app) else { return false } }
                    if machine.finder.find(entry + ".models", in: parent.origin.searchPath) != nil { modelModules.append(entry + ".models") }
                }
            }
        case .notLiteral(let why):
            notes.append(.notSimulated("INSTALLED_APPS in \(settingsName) is not a literal list of strings (\(why)); railsim cannot evaluate it statically, so the apps Django imports at start-up are not checked"))
        case .string:
            notes.append(.notSimulated("INSTALLED_APPS in \(settingsName) is a string, not a list; Django would iterate its characters"))
        case .absent:
            break
        }
        for name in modelModules { guard load(name, nil) else { return false } }
        // 3. The handler's load_middleware: `for middleware_path in reversed(settings.MIDDLEWARE)`, import_string each.
        switch DjangoSettings.value("MIDDLEWARE", module: settingsName, machine: machine, image: image) {
        case .strings(let entries):
            for path in entries.reversed() {
                // django/utils/module_loading.py import_string: rsplit(".", 1), import_module, getattr.
                guard let dot = path.lastIndex(of: ".") else {
                    fail(PythonException(type: "ImportError", message: "\(path) doesn't look like a module path"), frames: [])
                    return false
                }
                let moduleName = String(path[..<dot])
                let attribute = String(path[path.index(after: dot)...])
                guard load(moduleName, nil) else { return false }
                if let entry = machine.modules[moduleName], case .source = entry.origin, let found = entry.scan,
                   !found.boundNames.contains(attribute), !found.definesModuleGetattr {
                    fail(PythonException(type: "ImportError", message: "Module \"\(moduleName)\" does not define a \"\(attribute)\" attribute/class"), frames: [])
                    return false
                }
            }
        case .notLiteral(let why):
            notes.append(.notSimulated("MIDDLEWARE in \(settingsName) is not a literal list of strings (\(why)); the middleware Django imports at start-up are not checked"))
        default:
            break
        }
        machine.failure = nil
        machine.tasks = []
        return true
    }
}
