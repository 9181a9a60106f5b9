import Build
import Railway
import Snapshot

/// The Runtime stage's entry point: starts the built image the way Railway would and predicts
/// whether the service comes up, down to the text the process writes to stderr.
public enum StartupSimulator {
    public static func simulate(_ service: ResolvedService, build: BuildResult) -> RuntimeResult {
        if let buildFailure = build.failure {
            var result = RuntimeResult(outcome: .buildFailed)
            let phase: Failure.Phase = buildFailure.kind == .configInvalid ? .config : .build
            result.failure = Failure(phase: phase, message: buildFailure.message, stderr: buildFailure.message + "\n", exitCode: nil,
                                     location: buildFailure.location)
            return result
        }
        guard let image = build.image else { return RuntimeResult(outcome: .buildFailed) }
        var environment = ProcessEnvironment(image: image, settings: service.settings, options: service.options)
        var run = StartupRun(service: service, image: image, environment: environment)
        run.result.assumptions += environment.assumptions
        guard let start = build.startCommand else {
            // A container with neither ENTRYPOINT nor CMD cannot start (Docker: "no command specified").
            run.crash(Failure(phase: .start, message: "no command specified", stderr: "no command specified\n", exitCode: nil))
            return run.result
        }
        environment = run.environment
        switch start.form {
        case .shell(let interpreter, let command):
            run.result.process = ProcessDescription(argv: interpreter + [command], workingDirectory: image.workingDirectory, program: nil, executable: nil,
                                                    environment: environment.values)
            run.runShell(command, shellName: interpreter.first ?? "/bin/sh", cwd: image.workingDirectory)
        case .exec(let argv):
            run.result.process = ProcessDescription(argv: argv, workingDirectory: image.workingDirectory, program: nil, executable: nil,
                                                    environment: environment.values)
            run.runExec(argv, cwd: image.workingDirectory)
        }
        run.finish()
        return run.result
    }
}

/// One simulated container start.
struct StartupRun {
    let service: ResolvedService
    let image: Image
    var environment: ProcessEnvironment
    var result = RuntimeResult(outcome: .healthy)
    var serving: ServingPrediction? = nil
    var ended = false

    init(service: ResolvedService, image: Image, environment: ProcessEnvironment) {
        self.service = service
        self.image = image
        self.environment = environment
    }

    mutating func crash(_ failure: Failure) {
        result.outcome = .crashed
        result.failure = failure
        ended = true
    }

    /// A command string run by `bash -c` / `sh -c`: `&&` chains, `cd`, `exec`, assignments.
    mutating func runShell(_ command: String, shellName: String, cwd start: String) {
        let parsed: ShellCommandLine
        do {
            parsed = try ShellParser.parse(command, environment: environment.values)
        } catch {
            // bash reports syntax errors as `<$0>: -c: line 1: …` and exits 2.
            crash(Failure(phase: .start, message: error.message, stderr: "\(shellName): -c: line 1: \(error.message)\n", exitCode: 2, exact: false,
                          approximation: "the shell's own wording of syntax errors is not reproduced"))
            return
        }
        var cwd = start
        var skipping = false
        for (index, entry) in parsed.commands.enumerated() {
            if ended { return }
            let previous: ShellCommandLine.Connector? = index > 0 ? parsed.commands[index - 1].next : nil
            if skipping, previous == .and { continue }
            skipping = false
            var words = entry.command.words
            for assignment in entry.command.assignments where words.isEmpty { environment.set(assignment.name, assignment.value) }
            while let first = words.first, first == "exec" || first == "nohup" || first == "command" { words.removeFirst() }
            guard let program = words.first else { continue }
            if program == "cd" {
                let target = ImagePath.join(cwd, words.count > 1 ? words[1] : (environment["HOME"] ?? "/root"))
                if image.fileSystem.isDirectory(target) { cwd = target; continue }
                // A failed `cd` ends an `&&` chain: bash prints `<$0>: line 1: cd: DIR: No such file or
                // directory` (status 1), dash `<$0>: 1: cd: can't cd to DIR` (status 2).
                if entry.next == .and || entry.next == nil {
                    let target = words.count > 1 ? words[1] : "~"
                    let failure = ShellDialect(shellName).cdFailure(target, shellName: shellName)
                    crash(Failure(phase: .start, message: failure.message, stderr: failure.message + "\n", exitCode: failure.status))
                    return
                }
                skipping = true
                continue
            }
            if program == "export" {
                for word in words.dropFirst() {
                    let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                    if parts.count == 2 { environment.set(parts[0], parts[1]) }
                }
                continue
            }
            var commandEnvironment = environment
            for assignment in entry.command.assignments { commandEnvironment.set(assignment.name, assignment.value) }
            let isLast = index == parsed.commands.count - 1
            guard let resolved = ProgramLookup.find(program, path: commandEnvironment["PATH"], cwd: cwd, in: image) else {
                let message = ShellDialect(shellName).commandNotFound(program, shellName: shellName)
                crash(Failure(phase: .start, message: message, stderr: message + "\n", exitCode: 127))
                return
            }
            let saved = environment
            environment = commandEnvironment
            runProgram(words, resolved: resolved, cwd: cwd, keepsRunning: isLast)
            environment = saved
        }
    }

    /// An argv exec'd without a shell: Railway's custom start command on Dockerfile builds, or
    /// ENTRYPOINT/CMD in exec form.
    mutating func runExec(_ argv: [String], cwd: String) {
        guard let program = argv.first else { return }
        if ProgramLookup.isShell(program), argv.count >= 3, argv[1] == "-c" || argv[1] == "-lc" || argv[1] == "-l" && argv[2] == "-c" {
            let command = argv[1] == "-l" ? (argv.count > 3 ? argv[3] : "") : argv[2]
            runShell(command, shellName: program, cwd: cwd)
            return
        }
        for argument in argv where argument.contains("$") {
            // No shell: `$PORT` reaches the program literally (docs.railway.com/deployments/start-command).
            let name = argument.drop { $0 != "$" }.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "{" }
            result.notes.append(.literalVariable(name: name.replacingOccurrences(of: "{", with: ""), argument: argument))
        }
        guard let resolved = ProgramLookup.find(program, path: environment["PATH"], cwd: cwd, in: image) else {
            // Railway's deploy error when the program is not in the image (railway-platform.md §7).
            crash(Failure(phase: .start, message: "The executable `\(program)` could not be found.",
                          stderr: "The executable `\(program)` could not be found.\n", exitCode: nil))
            return
        }
        runProgram(argv, resolved: resolved, cwd: cwd, keepsRunning: true)
    }

    /// Dispatches on what the program is: a Python interpreter, a known launcher, or anything else.
    mutating func runProgram(_ argv: [String], resolved: String, cwd: String, keepsRunning: Bool) {
        result.process?.program = argv
        result.process?.executable = resolved
        if result.process?.workingDirectory != cwd { result.process?.workingDirectory = cwd }
        let name = ImagePath.basename(argv[0])
        if ProgramLookup.isPython(name), let commandLine = PythonCommandLine.parse(Array(argv.dropFirst())),
           case .module(let module) = commandLine.target, let launcher = Launcher(module: module),
           image.distributions.contains(where: { PythonPackageName.normalize($0.name) == PythonPackageName.normalize(launcher.distribution) }) {
            // `python -m uvicorn …`: the launcher's __main__ with the cwd as path0 (python-imports.md §1.1, §4).
            var python = PythonRun(run: self, argv: argv, executable: resolved, cwd: cwd)
            python.startLauncher(launcher, arguments: commandLine.arguments, viaModule: true)
            absorb(python)
            return
        }
        if ProgramLookup.isPython(name) {
            var python = PythonRun(run: self, argv: argv, executable: resolved, cwd: cwd)
            python.start()
            absorb(python)
            return
        }
        if let launcher = Launcher(consoleScript: name) {
            var python = PythonRun(run: self, argv: argv, executable: resolved, cwd: cwd)
            python.startLauncher(launcher, arguments: Array(argv.dropFirst()))
            absorb(python)
            return
        }
        if let interpreter = pythonShebang(of: resolved) {
            // execve(2) runs a `#!` script as `interpreter [arg] script args…` (man 2 execve, "Interpreter
            // scripts"); a console script's shebang names its environment's python.
            let scriptArgv = interpreter + [resolved] + argv.dropFirst()
            let executable = interpreter[0] == "/usr/bin/env" ? (ProgramLookup.find(interpreter[1], path: environment["PATH"], cwd: cwd, in: image) ?? interpreter[1]) : interpreter[0]
            let pythonArgv = [executable] + scriptArgv.dropFirst(interpreter.count)
            result.process?.program = pythonArgv
            result.process?.executable = executable
            var python = PythonRun(run: self, argv: pythonArgv, executable: executable, cwd: cwd)
            python.start()
            absorb(python)
            return
        }
        if keepsRunning {
            result.notes.append(.notSimulated("`\(argv.joined(separator: " "))`: railsim simulates Python start-up; this program is assumed to start"))
        }
    }

    /// The interpreter words of a `#!` line naming a Python (`#!/opt/venv/bin/python`,
    /// `#!/usr/bin/env python3`), or nil for anything else.
    func pythonShebang(of path: String) -> [String]? {
        guard let bytes = try? image.fileSystem.contents(of: path), bytes.starts(with: Array("#!".utf8)) else { return nil }
        let line = String(decoding: bytes.dropFirst(2).prefix { $0 != 0x0A }, as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return nil }
        if ImagePath.basename(first) == "env", words.count == 2, ProgramLookup.isPython(words[1]) { return ["/usr/bin/env", words[1]] }
        return ProgramLookup.isPython(ImagePath.basename(first)) && words.count == 1 ? [first] : nil
    }

    mutating func absorb(_ python: PythonRun) {
        result.notes += python.notes
        if !python.sysPath.isEmpty { result.sysPath = python.sysPath }
        result.pythonVersion = python.version ?? result.pythonVersion
        if let failure = python.failure {
            crash(failure)
        } else if let prediction = python.serving {
            serving = prediction
        }
    }

    /// Healthcheck and serving verdict once the process has started.
    mutating func finish() {
        if let python = image.python, result.pythonVersion == nil { result.pythonVersion = python.version }
        let path = service.config.effectiveHealthcheckPath
        let window = service.config.healthcheckWindow(variables: service.settings)
        if result.outcome == .crashed {
            if let path { result.healthcheckLog = Healthcheck.failedLog(path: path, window: window.value) }
            return
        }
        guard let serving else {
            if path != nil { result.healthcheckLog = Healthcheck.succeededLog(path: path ?? "/", window: window.value) }
            return
        }
        result.notes += serving.notes
        if let path {
            if let problem = serving.problem(forHealthcheckPath: path, environment: environment) {
                result.outcome = .unhealthy
                result.notes.append(problem)
                result.healthcheckLog = Healthcheck.failedLog(path: path, window: window.value)
                result.failure = Failure(phase: .healthcheck, message: "1/1 replicas never became healthy!",
                                         stderr: "", exitCode: nil)
            } else {
                result.healthcheckLog = Healthcheck.succeededLog(path: path, window: window.value)
            }
        } else if let problem = serving.portProblem(environment: environment) {
            result.notes.append(problem)
        }
    }
}

/// Railway's healthcheck log lines (railway-platform.md §5, verbatim from build logs).
enum Healthcheck {
    static func header(path: String, window: Int) -> [String] {
        ["====================", "Starting Healthcheck", "====================", "Path: \(path)", "Retry window: \(goDuration(window))"]
    }

    static func failedLog(path: String, window: Int) -> [String] {
        header(path: path, window: window) + ["Attempt #1 failed with service unavailable. Continuing to retry for \(goDuration(max(0, window - 1)))",
                                              "…", "1/1 replicas never became healthy!", "Healthcheck failed!"]
    }

    static func succeededLog(path: String, window: Int) -> [String] {
        header(path: path, window: window) + ["[1/1] Healthcheck succeeded!"]
    }

    /// Go's time.Duration formatting for whole seconds: `30s`, `1m0s`, `5m0s`.
    static func goDuration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m\(seconds % 60)s" }
        return "\(seconds / 3600)h\((seconds % 3600) / 60)m\(seconds % 60)s"
    }
}

/// The error wording of the shell a start command runs in. Railpack and Nixpacks run `/bin/bash`;
/// shell-form CMD/ENTRYPOINT in a Dockerfile run `/bin/sh`, which is dash on the Debian-based
/// official python images (Debian policy §10.4; dash(1)).
enum ShellDialect {
    case bash, dash

    init(_ shellName: String) {
        let name = ImagePath.basename(shellName)
        self = name == "sh" || name == "dash" ? .dash : .bash
    }

    /// bash: `<$0>: line 1: X: command not found`; dash: `<$0>: 1: X: not found` (both exit 127;
    /// POSIX "Command Search and Execution").
    func commandNotFound(_ program: String, shellName: String) -> String {
        switch self {
        case .bash: return "\(shellName): line 1: \(program): command not found"
        case .dash: return "\(shellName): 1: \(program): not found"
        }
    }

    func cdFailure(_ directory: String, shellName: String) -> (message: String, status: Int) {
        switch self {
        case .bash: return ("\(shellName): line 1: cd: \(directory): No such file or directory", 1)
        case .dash: return ("\(shellName): 1: cd: can't cd to \(directory)", 2)
        }
    }
}
