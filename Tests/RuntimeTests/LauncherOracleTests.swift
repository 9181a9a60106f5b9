import Build
import Findings
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Railway
import Runtime
import Snapshot
import Testing
import TestSupport

/// Differential test of the launcher rules: generated apps go through railsim and through the real
/// uvicorn, gunicorn and `flask run` (installed from PyPI at the catalogued versions into cached
/// venvs under ~/.cache/railsim/launcher-oracle), bound to 127.0.0.1 and killed once serving.
///
/// Default: CPython 3.12 only (representative, well under 90 s once the venv is cached).
/// `RAILSIM_LAUNCHER_ORACLE_ALL=1` runs every CPython 3.10–3.13 (the launchers' Requires-Python).
@Suite("Launchers agree with the real uvicorn, gunicorn and flask")
struct LauncherOracleTests {
    struct Case: Sendable {
        var name: String
        var launcher: String
        var files: [String: String]
        var start: String
        var healthcheck: String? = nil
    }

    static let asgi = "async def app(scope, receive, send):\n    pass\n\n\ndef create_app():\n    return app\n"
    static let wsgi = "def app(environ, start_response):\n    start_response('200 OK', [])\n    return [b'ok']\n"
    static let nested = ["src/__init__.py": "", "src/main.py": "import os\nfrom src.deps import thing\napp = 1\n", "src/deps.py": "import nosuchdep\nthing = 1\n"]

    static func cases() -> [Case] {
        [
            Case(name: "uvicorn module missing", launcher: "uvicorn", files: ["main.py": asgi], start: "uvicorn nosuch:app --host 127.0.0.1 --port 0"),
            Case(name: "uvicorn nested failure", launcher: "uvicorn", files: nested, start: "uvicorn src.main:app --host 127.0.0.1 --port 0"),
            Case(name: "uvicorn parent package missing", launcher: "uvicorn", files: ["main.py": asgi], start: "uvicorn nopkg.main:app --host 127.0.0.1 --port 0"),
            Case(name: "uvicorn attribute missing", launcher: "uvicorn", files: ["main.py": asgi], start: "uvicorn main:nothere --host 127.0.0.1 --port 0"),
            Case(name: "uvicorn no colon", launcher: "uvicorn", files: ["main.py": asgi], start: "uvicorn main --host 127.0.0.1 --port 0"),
            Case(name: "uvicorn factory serves", launcher: "uvicorn", files: ["main.py": asgi], start: "uvicorn main:create_app --factory --host 127.0.0.1 --port 0"),
            Case(name: "uvicorn wrong port (serves, unhealthy)", launcher: "uvicorn", files: ["main.py": asgi], start: "uvicorn main:app --host 127.0.0.1 --port 0", healthcheck: "/health"),
            Case(name: "uvicorn literal port", launcher: "uvicorn", files: ["main.py": asgi], start: "uvicorn main:app --host 127.0.0.1 --port PORT"),
            Case(name: "gunicorn nested failure", launcher: "gunicorn", files: nested, start: "gunicorn -b 127.0.0.1:0 src.main:app"),
            Case(name: "gunicorn module missing", launcher: "gunicorn", files: ["main.py": wsgi], start: "gunicorn -b 127.0.0.1:0 nosuch:app"),
            Case(name: "gunicorn attribute missing", launcher: "gunicorn", files: ["main.py": wsgi], start: "gunicorn -b 127.0.0.1:0 main:nothere"),
            Case(name: "gunicorn serves", launcher: "gunicorn", files: ["main.py": wsgi], start: "gunicorn -b 127.0.0.1:0 main:app"),
            Case(name: "flask nested failure", launcher: "flask", files: nested, start: "flask --app src.main run --host 127.0.0.1 --port 0"),
            Case(name: "flask module missing", launcher: "flask", files: ["main.py": wsgi], start: "flask --app nosuch run --host 127.0.0.1 --port 0"),
            Case(name: "flask parent missing", launcher: "flask", files: ["main.py": wsgi], start: "flask --app nopkg.main run --host 127.0.0.1 --port 0"),
            Case(name: "waitress module missing", launcher: "waitress-serve", files: ["main.py": wsgi], start: "waitress-serve --listen 127.0.0.1:0 nosuch:app"),
            Case(name: "waitress nested failure", launcher: "waitress-serve", files: nested, start: "waitress-serve --listen 127.0.0.1:0 src.main:app"),
            Case(name: "waitress attribute missing", launcher: "waitress-serve", files: ["main.py": wsgi], start: "waitress-serve --listen 127.0.0.1:0 main:nothere"),
            Case(name: "waitress serves", launcher: "waitress-serve", files: ["main.py": wsgi], start: "waitress-serve --listen 127.0.0.1:0 main:app"),
            Case(name: "daphne module missing", launcher: "daphne", files: ["main.py": asgi], start: "daphne -b 127.0.0.1 -p 0 nosuch:app"),
            Case(name: "daphne nested failure", launcher: "daphne", files: nested, start: "daphne -b 127.0.0.1 -p 0 src.main:app"),
            Case(name: "daphne parent package missing", launcher: "daphne", files: ["main.py": asgi], start: "daphne -b 127.0.0.1 -p 0 nopkg.main:app"),
            Case(name: "daphne attribute missing", launcher: "daphne", files: ["main.py": asgi], start: "daphne -b 127.0.0.1 -p 0 main:nothere"),
            Case(name: "daphne serves", launcher: "daphne", files: ["main.py": asgi], start: "daphne -b 127.0.0.1 -p 0 main:app"),
            Case(name: "hypercorn module missing", launcher: "hypercorn", files: ["main.py": asgi], start: "hypercorn -b 127.0.0.1:0 nosuch:app"),
            Case(name: "hypercorn nested failure", launcher: "hypercorn", files: nested, start: "hypercorn -b 127.0.0.1:0 src.main:app"),
            Case(name: "hypercorn attribute missing", launcher: "hypercorn", files: ["main.py": asgi], start: "hypercorn -b 127.0.0.1:0 main:nothere"),
            Case(name: "celery module missing", launcher: "celery", files: ["main.py": wsgi], start: "celery -A nosuch worker"),
            Case(name: "celery nested failure", launcher: "celery", files: nested.merging(["tasks.py": "import os\nfrom src.deps import thing\n"]) { $1 }, start: "celery -A tasks worker"),
            Case(name: "celery attribute missing", launcher: "celery", files: ["main.py": wsgi], start: "celery -A main:nothere worker"),
            Case(name: "celery module missing with attribute", launcher: "celery", files: ["main.py": wsgi], start: "celery -A nosuch:app worker"),
            Case(name: "hypercorn serves", launcher: "hypercorn", files: ["main.py": asgi], start: "hypercorn -b 127.0.0.1:0 main:app"),
        ]
    }

    static let catalogued = ["uvicorn": "0.54.0", "gunicorn": "27.0.1", "flask": "3.1.3", "click": "8.5.1"]
    /// The other launchers, at the versions scripts/generate-launcher-frames.py pins: script → (distribution, version).
    /// (`fastapi run` is not compared: its Rich-boxed traceback wraps at the terminal width and embeds
    /// host paths, so its text is not reproducible across machines.)
    static let others = ["waitress-serve": ("waitress", "3.0.2"), "daphne": ("daphne", "4.2.3"), "hypercorn": ("hypercorn", "0.18.0"), "celery": ("celery", "5.7.0")]

    /// A cached venv per CPython version holding waitress, daphne and hypercorn at their pinned versions.
    static func othersVenv(minor: Int, interpreter: String) -> String? {
        let versions = others.values.map { "\($0.0)==\($0.1)" }.sorted()
        let path = NSHomeDirectory() + "/.cache/railsim/launcher-oracle/3.\(minor)-" + versions.joined(separator: "-")
        if FileManager.default.fileExists(atPath: path + "/.ok") { return path }
        try? FileManager.default.removeItem(atPath: path)
        guard (try? ProcessRunner.run(interpreter, ["-m", "venv", path]))?.status == 0,
              let pip = try? ProcessRunner.run(path + "/bin/python", ["-m", "pip", "install", "-q", "--disable-pip-version-check"] + versions),
              pip.status == 0 else { return nil }
        _ = FileManager.default.createFile(atPath: path + "/.ok", contents: Data())
        return path
    }

    /// A cached venv per CPython version holding the three launchers at their catalogued versions.
    static func venv(minor: Int, interpreter: String) -> String? {
        let versions = ["uvicorn", "gunicorn", "flask", "click"].map { name in
            "\(name)==\(DistributionCatalog.shared.entry(forDistribution: name)?.wheelVersion ?? catalogued[name] ?? "")"
        }
        let path = NSHomeDirectory() + "/.cache/railsim/launcher-oracle/3.\(minor)-" + versions.joined(separator: "-")
        if FileManager.default.fileExists(atPath: path + "/.ok") { return path }
        try? FileManager.default.removeItem(atPath: path)
        guard (try? ProcessRunner.run(interpreter, ["-m", "venv", path]))?.status == 0,
              let pip = try? ProcessRunner.run(path + "/bin/python", ["-m", "pip", "install", "-q", "--disable-pip-version-check"] + versions),
              pip.status == 0 else { return nil }
        _ = FileManager.default.createFile(atPath: path + "/.ok", contents: Data())
        return path
    }

    struct Observation { var exitCode: Int32?; var stderr: String; var served: Bool }

    /// Runs the launcher in `directory`; kills it once its log says it serves (or after 30 s).
    static func observe(argv: [String], venv: String, directory: String) throws -> Observation {
        let process = Process()
        // The test process's threads block signals and children inherit that mask; gunicorn's arbiter
        // needs SIGCHLD, so a tiny wrapper clears the mask and execs the console script unchanged.
        process.executableURL = URL(fileURLWithPath: venv + "/bin/python")
        process.arguments = ["-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
                             venv + "/bin/" + argv[0]] + Array(argv.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": venv + "/bin:/usr/bin:/bin", "HOME": directory, "LANG": "C.UTF-8", "NO_COLOR": "1"]
        let errorFile = directory + "/../" + URL(fileURLWithPath: directory).lastPathComponent + ".stderr"
        _ = FileManager.default.createFile(atPath: errorFile, contents: Data())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let markers = ["Uvicorn running on", "Listening at:", "Running on http", "Booting worker", "Serving on http", "Listening on TCP address", "Running on http"]
        var served = false
        for _ in 0..<300 where process.isRunning {
            let text = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
            let ready = argv[0] == "gunicorn" ? text.contains("Booting worker with pid") : markers.contains(where: text.contains)
            if ready {
                // gunicorn: give the worker its import before judging it (it exits 3 when the import fails).
                // A failing worker makes the arbiter exit (3 or 4); a running one after 10 s serves.
                if text.contains("Booting worker") { for _ in 0..<100 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) } }
                if process.isRunning { served = true }
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        var loggedExit: Int32? = nil
        let log = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        if let range = log.range(of: #"Worker \(pid:\d+\) exited with code (\d+)"#, options: .regularExpression),
           let code = Int32(log[range].split(separator: " ").last ?? "") {
            // gunicorn/arbiter.py halts with the worker's boot/app-load code; the master occasionally
            // misses the SIGCHLD under the test harness, so the logged code stands for its exit status.
            served = false
            loggedExit = code
        } else if log.contains("Exception in worker process") || log.contains("Failed to find attribute") {
            // The worker failed (gunicorn/workers/base.py: WORKER_BOOT_ERROR 3, APP_LOAD_ERROR 4) but the
            // master has not reaped it yet: a race in the arbiter under load; the worker's code stands.
            served = false
            loggedExit = log.contains("Failed to find attribute") ? 4 : 3
        }
        if process.isRunning {
            // Killed by the test (SIGKILL: uvicorn's graceful SIGTERM shutdown can wait on the app).
            _ = kill(process.processIdentifier, SIGKILL)
        }
        for _ in 0..<100 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        try? handle.close()
        let stderr = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: errorFile)
        return Observation(exitCode: served ? nil : (loggedExit ?? process.terminationStatus), stderr: stderr, served: served)
    }

    static func normaliseLog(_ text: String) -> String {
        // gunicorn/glogging.py prefix → railsim's placeholder (PythonRun+Launchers.swift launcherLogPrefix).
        text.replacingOccurrences(of: #"(?m)^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] \[\d+\] \[([A-Z]+)\] "#,
                                  with: "[YYYY-MM-DD HH:MM:SS +0000] [PID] [$1] ", options: .regularExpression)
    }

    /// How a case that agrees was compared.
    enum Comparison { case exact, served, gunicornLogInOrder, finalLine }

    static func judge(_ testCase: Case, minor: Int, patch: Int, venv: String, comparison: inout Comparison) -> String? {
        var files = testCase.files
        let distribution = others[testCase.launcher]?.0 ?? testCase.launcher
        files["requirements.txt"] = "\(distribution)==\(others[testCase.launcher]?.1 ?? catalogued[testCase.launcher] ?? "")\n"
        files[".python-version"] = "3.\(minor).\(patch)\n"
        var toml = "[deploy]\nstartCommand = \"\(testCase.start)\"\n"
        if let path = testCase.healthcheck { toml += "healthcheckPath = \"\(path)\"\n" }
        files["railway.toml"] = toml
        let assessment: ServiceAssessment
        do {
            assessment = try Pipeline.assess(ServiceSettings(name: "launcher", rootDirectory: "/"), in: RepoSnapshot.inMemory(files, name: "launcher"), options: .testDay)
        } catch { return "railsim failed: \(error)" }
        guard let root = try? ProcessRunner.temporaryDirectory("railsim-launcher") else { return "no temp dir" }
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in testCase.files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
        }
        let argv = testCase.start.split(separator: " ").map(String.init)
        guard let observed = try? observe(argv: argv, venv: venv, directory: root.path) else { return "could not run \(argv[0])" }
        // Map the host run's paths onto the image's.
        let image = assessment.build.image
        let site = image?.distributions.first { $0.name.lowercased() == distribution }?.sitePackages ?? "?"
        let stdlib = image?.python?.stdlibDirectory ?? "?"
        let script = assessment.runtime.process?.executable ?? "?"
        let hostStdlib = (try? ProcessRunner.run(venv + "/bin/python", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]))?.stdout
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        let real = normaliseLog(observed.stderr
            .replacingOccurrences(of: "\(venv)/lib/python3.\(minor)/site-packages", with: site)
            .replacingOccurrences(of: "\(venv)/bin/\(argv[0])", with: script)
            .replacingOccurrences(of: hostStdlib, with: stdlib)
            .replacingOccurrences(of: root.path, with: image?.workingDirectory ?? "/app"))
        let runtime = assessment.runtime
        if observed.served {
            if runtime.outcome == .crashed { return "railsim predicts a crash, the launcher served:\n\(runtime.failure?.stderr ?? "")" }
            if testCase.healthcheck != nil, runtime.outcome != .unhealthy { return "railsim should predict unhealthy (loopback bind, port 0)" }
            comparison = .served
            return nil
        }
        guard runtime.outcome == .crashed, let failure = runtime.failure else {
            return "launcher exited \(observed.exitCode.map(String.init) ?? "?"), railsim predicts \(runtime.outcome.rawValue)\n\(real)"
        }
        if let code = observed.exitCode, failure.exitCode != Int(code) { return "exit code: railsim \(failure.exitCode.map(String.init) ?? "none"), real \(code)\n\(real)" }
        if failure.exact {
            comparison = .exact
            return failure.stderr == real ? nil : "stderr differs:\n--- railsim\n\(failure.stderr)--- real\n\(real)"
        }
        if testCase.launcher == "gunicorn" {
            // gunicorn's master and worker log concurrently (the control-socket line lands in a different
            // place from run to run), so its log is compared as: every railsim line, prefixes normalised,
            // appears in the real log, in order.
            comparison = .gunicornLogInOrder
            var lines = real.split(separator: "\n", omittingEmptySubsequences: false)[...]
            for line in failure.stderr.split(separator: "\n") where real.contains("Reason:") || !line.contains("Reason:") {
                guard let index = lines.firstIndex(of: line) else { return "gunicorn line not in the real log: \(line)\n--- real\n\(real)" }
                lines = lines[(index + 1)...]
            }
            return nil
        }
        comparison = .finalLine
        let last = { (text: String) in text.split(separator: "\n").last.map(String.init) ?? "" }
        return last(failure.stderr) == last(real) ? nil : "final line: railsim \(last(failure.stderr)) / real \(last(real))"
    }

    @Test("generated apps: railsim vs the real launchers")
    func differential() throws {
        let all = ProcessInfo.processInfo.environment["RAILSIM_LAUNCHER_ORACLE_ALL"] == "1"
        var agree = 0
        var total = 0
        var compared: [Comparison: [String]] = [:]
        var versions: [String] = []
        var problems: [String] = []
        for minor in all ? [10, 11, 12, 13] : [12] {
            guard let interpreter = HostPython.interpreter(minor: minor) else {
                print("launcher oracle: CPython 3.\(minor) is not installed; skipped")
                continue
            }
            guard let patchText = try? ProcessRunner.run(interpreter, ["-c", "import sys; print(sys.version_info[2])"]).stdout,
                  let patch = Int(patchText.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            guard let venv = Self.venv(minor: minor, interpreter: interpreter) else {
                print("launcher oracle: pip or the network is unavailable; launcher cases for 3.\(minor) skipped")
                continue
            }
            versions.append("3.\(minor).\(patch)")
            let othersVenv = Self.othersVenv(minor: minor, interpreter: interpreter)
            for testCase in Self.cases() {
                let isOther = Self.others[testCase.launcher] != nil
                guard let caseVenv = isOther ? othersVenv : venv else { continue }
                total += 1
                var comparison = Comparison.finalLine
                if let problem = Self.judge(testCase, minor: minor, patch: patch, venv: caseVenv, comparison: &comparison) {
                    problems.append("[3.\(minor)] \(testCase.name): \(problem)")
                } else {
                    agree += 1
                    compared[comparison, default: []].append("[3.\(minor)] \(testCase.name)")
                }
            }
        }
        let count = { (kind: Comparison) in compared[kind, default: []].count }
        print("launcher oracle: \(agree)/\(total) cases agree: \(count(.exact)) crashes with byte-exact stderr, \(count(.served)) serving, "
              + "\(count(.gunicornLogInOrder)) gunicorn logs line by line in order, \(count(.finalLine)) by final line "
              + "(CPython \(versions.joined(separator: ", ")); uvicorn, gunicorn, flask at catalogued versions; waitress 3.0.2, daphne 4.2.3, hypercorn 0.18.0, celery 5.7.0)")
        if let loose = compared[.finalLine], !loose.isEmpty {
            print("launcher oracle: compared by final line only (railsim marks these inexact): \(loose.joined(separator: ", "))")
        }
        for problem in problems { print(problem) }
        #expect(problems.isEmpty)
        // Every crash these cases produce is one railsim claims to reproduce exactly.
        #expect(compared[.finalLine] == nil)
    }
}
