import Build
import Railway
import Snapshot

/// waitress-serve, daphne and hypercorn failure texts, composed from what
/// scripts/generate-launcher-frames.py recorded from the real launchers (waitress 3.0.2,
/// daphne 4.2.3, hypercorn 0.18.0; CPython 3.10–3.13): the launcher frames of each traceback
/// block, the whole normalised stderr, the exit code.
extension PythonRun {
    struct RecordedText {
        var stderr: String
        var exitCode: Int
        var exact: Bool

        func failure(_ location: SourceLocation, exception: String = "AttributeError", message: String = "") -> Failure {
            Failure(phase: .start, exception: exception, message: message.isEmpty ? stderr.split(separator: "\n").last.map(String.init) ?? "" : message,
                    stderr: stderr, exitCode: exitCode, exact: exact, location: location)
        }
    }

    /// The recorded scenario for this launcher on this Python.
    func recordedScenario(_ launcher: Launcher, _ name: String, python: PythonInstallation) -> (scenario: LauncherFrames.Scenario, exact: Bool)? {
        let recorded = recordedFrames(launcher, python: python)
        guard let record = recorded.record, let scenario = record.scenarios[name], let code = scenario.exitCode, code >= 0 else { return nil }
        return (scenario, recorded.exact)
    }

    var launcherSite: (Launcher) -> String {
        { launcher in
            self.image.distributions.first { PythonPackageName.normalize($0.name) == PythonPackageName.normalize(launcher.distribution) }?.sitePackages
                ?? self.image.python?.siteDirectories.first ?? ""
        }
    }

    func renderRecorded(_ frames: [LauncherFrames.Frame], launcher: Launcher, python: PythonInstallation) -> String {
        let script = executable.hasPrefix("/") ? executable : ImagePath.join(cwd, executable)
        return LauncherFrames.render(frames, script: script, site: launcherSite(launcher), stdlib: python.stdlibDirectory)
    }

    /// A failure while importing the app module.
    func recordedImportFailure(_ launcher: Launcher, moduleName: String, failed: (exception: PythonException, traceback: [TracebackFrame], viaImportlib: Bool),
                               machine: ImportMachine, python: PythonInstallation, viaModule: Bool) -> RecordedText? {
        switch launcher {
        case .waitress:
            // waitress/runner.py 3.0.2 run(): pkgutil.resolve_name inside `except (ValueError, ImportError,
            // AttributeError)`: show_help(stderr, name, str(exc)) then show_exception(stderr); exit 1.
            guard failed.exception.isCaught(by: ["ImportError"]), !viaModule,
                  let recorded = recordedScenario(.waitress, "missing", python: python) else { return nil }
            let text = recorded.scenario.transcript.joined(separator: "\n")
                .replacingOccurrences(of: "No module named 'nosuch'", with: failed.exception.message)
                .replacingOccurrences(of: "(ModuleNotFoundError)", with: "(\(failed.exception.type))")
            return RecordedText(stderr: text, exitCode: recorded.scenario.exitCode ?? 1,
                                exact: recorded.exact && !machine.sysPathEditsIgnored && !machine.approximate)
        case .daphne:
            // daphne/cli.py 4.2.3 → daphne/utils.py import_by_path: importlib.import_module, uncaught; exit 1.
            guard let recorded = recordedScenario(.daphne, "body", python: python) else { return nil }
            let traceback = importModuleTraceback(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python, viaModule: viaModule)
            return RecordedText(stderr: traceback.text, exitCode: recorded.scenario.exitCode ?? 1, exact: traceback.exact)
        case .hypercorn:
            // hypercorn/utils.py 0.18.0 load_application in the spawned worker (multiprocessing prints
            // "Process SpawnProcess-1:" and the traceback); a ModuleNotFoundError naming the module becomes
            // NoAppError raised in the except block (chained); anything else is re-raised. The parent exits 0.
            let missingTarget = failed.exception.type == "ModuleNotFoundError" && failed.exception.missingModule == moduleName
            guard let recorded = recordedScenario(.hypercorn, missingTarget ? "missing" : "body", python: python) else { return nil }
            let traceback = importModuleTraceback(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python, viaModule: viaModule)
            var text = "Process SpawnProcess-1:\n"
            if missingTarget {
                guard recorded.scenario.blocks.count == 2 else { return nil }
                // The first block starts at load_application (its recorded frames) instead of the worker's.
                let header = "Traceback (most recent call last):\n"
                guard let body = recordedFrames(launcher, python: python).record?.frames else { return nil }
                let skipped = header.count + renderRecorded(body, launcher: launcher, python: python).count
                guard traceback.text.count >= skipped else { return nil }
                text += header + renderRecorded(recorded.scenario.blocks[0], launcher: launcher, python: python) + traceback.text.dropFirst(skipped)
                    + "\nDuring handling of the above exception, another exception occurred:\n\n"
                    + "Traceback (most recent call last):\n" + renderRecorded(recorded.scenario.blocks[1], launcher: launcher, python: python)
                    + "hypercorn.utils.NoAppError: Cannot load application from '\(hypercornPath ?? moduleName)', module not found.\n"
            } else {
                text += traceback.text
            }
            return RecordedText(stderr: text, exitCode: recorded.scenario.exitCode ?? 0, exact: traceback.exact && hypercornPath != nil)
        case .celery:
            // celery/bin/celery.py 5.7.0 `celery()`: find_app(app) under `except ModuleNotFoundError as e`: when
            // e.name == the -A value, "The module {e.name} was not found."; otherwise the formatted traceback
            // (UNABLE_TO_LOAD_APP_ERROR_OCCURRED); both through ctx.fail (click usage error, exit 2).
            guard let app = launcherArguments(.celery)?.appOption, let missing = recordedScenario(.celery, "missing", python: python),
                  let body = recordedScenario(.celery, "body", python: python) else { return nil }
            if failed.exception.type == "ModuleNotFoundError", failed.exception.missingModule == app {
                let text = missing.scenario.transcript.joined(separator: "\n")
                    .replacingOccurrences(of: "The module nosuch was not found.", with: "The module \(app) was not found.")
                return RecordedText(stderr: text, exitCode: missing.scenario.exitCode ?? 2, exact: missing.exact)
            }
            guard let marker = body.scenario.transcript.firstIndex(where: { $0.hasPrefix("While trying to load the module ") }) else { return nil }
            let header = body.scenario.transcript[...marker].joined(separator: "\n")
                .replacingOccurrences(of: "While trying to load the module top ", with: "While trying to load the module \(app) ") + "\n"
            let traceback = importModuleTraceback(launcher, moduleName: moduleName, failed: failed, machine: machine, python: python, viaModule: viaModule)
            // The recorded frames are those of a plain `-A module`. `-A mod:attr` imports `mod` through the same
            // frames (kombu/utils/imports.py symbol_by_name splits at ':'; [EXP celery 5.7.0, `-A nosuch:app`,
            // CPython 3.12.1]); a dotted module first fails as an attribute and find_app re-imports it: other frames.
            let module = app.split(separator: ":", maxSplits: 1).first.map(String.init) ?? app
            return RecordedText(stderr: header + traceback.text + "\n", exitCode: body.scenario.exitCode ?? 2,
                                exact: traceback.exact && !module.contains("."))
        default:
            return nil
        }
    }

    /// The launcher's own arguments, when argv runs its console script.
    func launcherArguments(_ launcher: Launcher) -> Launcher.Arguments? {
        guard let index = argv.firstIndex(where: { ImagePath.basename($0) == launcher.rawValue }) else { return nil }
        return launcher.parse(Array(argv[(index + 1)...]))
    }

    /// hypercorn's `config.application_path`: the app argument as given.
    var hypercornPath: String? { launcherArguments(.hypercorn)?.app }

    /// The module has no such attribute. `suggestion`: the name CPython's traceback printer would
    /// offer ("Did you mean"), nil when none or unknown.
    func recordedAttributeFailure(_ launcher: Launcher, attribute: String, module: String, suggestion: String? = nil, suggestionKnown: Bool = true) -> RecordedText? {
        guard let python = image.python, !attribute.contains("."), !attribute.contains("(") else { return nil }
        switch launcher {
        case .waitress:
            // waitress/runner.py 3.0.2: the AttributeError from pkgutil.resolve_name, str(exc) (no suggestion).
            guard let recorded = recordedScenario(.waitress, "attr", python: python) else { return nil }
            let text = recorded.scenario.transcript.joined(separator: "\n")
                .replacingOccurrences(of: "module 'okmod' has no attribute 'nothere'", with: "module '\(module)' has no attribute '\(attribute)'")
            return RecordedText(stderr: text, exitCode: recorded.scenario.exitCode ?? 1, exact: recorded.exact)
        case .daphne:
            // daphne/utils.py 4.2.3 import_by_path: getattr(target, bit), uncaught AttributeError; exit 1.
            guard let recorded = recordedScenario(.daphne, "attr", python: python), let block = recorded.scenario.blocks.first else { return nil }
            let line = "AttributeError: module '\(module)' has no attribute '\(attribute)'" + (suggestion.map { ". Did you mean: '\($0)'?" } ?? "")
            let text = "Traceback (most recent call last):\n" + renderRecorded(block, launcher: launcher, python: python) + line + "\n"
            return RecordedText(stderr: text, exitCode: recorded.scenario.exitCode ?? 1, exact: recorded.exact && suggestionKnown)
        case .hypercorn:
            // hypercorn/utils.py 0.18.0: eval(app_name, vars(module)) NameError → NoAppError "application not found"
            // raised in the except block; the NameError's suggestion also draws on builtins, so only a
            // name with no candidate at all is exact.
            guard let recorded = recordedScenario(.hypercorn, "attr", python: python), recorded.scenario.blocks.count == 2 else { return nil }
            let text = "Process SpawnProcess-1:\nTraceback (most recent call last):\n" + renderRecorded(recorded.scenario.blocks[0], launcher: launcher, python: python)
                + "NameError: name '\(attribute)' is not defined" + (suggestion.map { ". Did you mean: '\($0)'?" } ?? "") + "\n"
                + "\nDuring handling of the above exception, another exception occurred:\n\n"
                + "Traceback (most recent call last):\n" + renderRecorded(recorded.scenario.blocks[1], launcher: launcher, python: python)
                + "hypercorn.utils.NoAppError: Cannot load application from '\(hypercornPath ?? "")', application not found.\n"
            return RecordedText(stderr: text, exitCode: recorded.scenario.exitCode ?? 0, exact: recorded.exact && suggestion == nil && suggestionKnown && hypercornPath != nil)
        case .celery:
            // celery 5.7.0 `-A mod:attr`: symbol_by_name's AttributeError makes find_app import "mod:attr" as a
            // module, whose ModuleNotFoundError names the whole value: "The module mod:attr was not found.".
            guard let app = launcherArguments(.celery)?.appOption, app.contains(":"),
                  let missing = recordedScenario(.celery, "missing", python: python) else { return nil }
            let text = missing.scenario.transcript.joined(separator: "\n")
                .replacingOccurrences(of: "The module nosuch was not found.", with: "The module \(app) was not found.")
            return RecordedText(stderr: text, exitCode: missing.scenario.exitCode ?? 2, exact: missing.exact)
        default:
            return nil
        }
    }
}
