import Snapshot

/// RUN lines: nothing is executed. railsim reads the command to model what matters for start-up
/// (pip installs, venv creation, `cd`) and records everything else as "not modelled" on that line.
struct DockerRun {
    let evaluator: DockerfileEvaluator
    let instruction: DockerInstruction
    var notes: [BuildNote] = []
    var log: [String] = []
    var failure: BuildFailure?

    init(evaluator: DockerfileEvaluator, instruction: DockerInstruction) {
        self.evaluator = evaluator
        self.instruction = instruction
    }

    /// Commands that cannot change what Python imports, so not modelling them loses nothing.
    static let irrelevant: Set<String> = [
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "curl", "wget", "echo", "printf", "chmod", "chown", "useradd", "adduser",
        "groupadd", "addgroup", "true", "set", "export", "update-ca-certificates", "locale-gen", "ls", "cat", "test", "[", "sleep",
        "npm", "node", "yarn", "pnpm", "go", "cargo", "git", "mkdir", "touch", "ln",
    ]

    mutating func apply(to stage: inout DockerStage) {
        let commands: [[String]]
        switch instruction.arguments {
        case .exec(let words): commands = [words]
        case .shell(let text):
            // The builder does not expand RUN; the shell does, with the build environment.
            guard let parsed = try? ShellParser.parse(text, environment: stage.buildEnvironment) else {
                notes.append(.runNotModelled(command: text, location: evaluator.location(instruction)))
                return
            }
            commands = parsed.commands.map { $0.command.words }
        default: return
        }
        var cwd = stage.image.workingDirectory
        for words in commands {
            if failure != nil { return }
            guard let program = words.first else { continue }
            let name = ImagePath.basename(program)
            var arguments = Array(words.dropFirst())
            if name == "cd" {
                cwd = ImagePath.join(cwd, arguments.first ?? "/root")
                continue
            }
            if isPython(name), arguments.first == "-m", arguments.count > 1 {
                let module = arguments[1]
                arguments = Array(arguments.dropFirst(2))
                if module == "pip" { pip(arguments, interpreter: program, cwd: cwd, stage: &stage); continue }
                if module == "venv" || module == "virtualenv" { venv(arguments, cwd: cwd, stage: &stage); continue }
            }
            if name == "pip" || name.hasPrefix("pip3") {
                pip(arguments, interpreter: nil, pipProgram: program, cwd: cwd, stage: &stage)
                continue
            }
            if name == "virtualenv" { venv(arguments, cwd: cwd, stage: &stage); continue }
            if name == "rm" {
                let targets = arguments.filter { !$0.hasPrefix("-") }.map { ImagePath.join(cwd, $0) }
                if !targets.isEmpty { stage.image.fileSystem.add(.removed(Set(targets))) }
                continue
            }
            if Self.irrelevant.contains(name) { continue }
            notes.append(.runNotModelled(command: words.joined(separator: " "), location: evaluator.location(instruction)))
        }
    }

    func isPython(_ name: String) -> Bool {
        name == "python" || name == "python3" || (name.hasPrefix("python3.") && name.dropFirst(8).allSatisfy(\.isNumber))
    }

    /// The site-packages directory a pip run writes to: the venv of the pip/python found on PATH,
    /// else the base interpreter's, `--user` (or a non-root USER) → the user site, `--target`,
    /// `--prefix` (dockerfile.md §8; sysconfig install schemes).
    func installLocation(program: String, options: [String: String], stage: DockerStage) -> String? {
        guard let python = stage.image.python else { return nil }
        let short = python.version.short
        if let target = options["--target"] { return target }
        if let prefix = options["--prefix"] { return "\(prefix)/lib/python\(short)/site-packages" }
        if let venv = venvOwning(program: program, stage: stage) { return "\(venv)/lib/python\(short)/site-packages" }
        let root = stage.image.user == "root" || stage.image.user == "0" || stage.image.user.hasPrefix("0:") || stage.image.user.hasPrefix("root:")
        if options["--user"] != nil || !root {
            let home = stage.buildEnvironment["HOME"] ?? (root ? "/root" : "/home/\(stage.image.user)")
            return "\(home)/.local/lib/python\(short)/site-packages"
        }
        return python.siteDirectories.first
    }

    /// Which venv a `pip`/`python` word belongs to, by PATH lookup in the stage's environment.
    func venvOwning(program: String, stage: DockerStage) -> String? {
        let candidates: [String]
        if program.contains("/") {
            candidates = [ImagePath.clean(program)]
        } else {
            let path = stage.buildEnvironment["PATH"] ?? ""
            candidates = path.split(separator: ":").map { ImagePath.join(String($0), program) }
        }
        for candidate in candidates where stage.image.fileSystem.exists(candidate) {
            let bin = ImagePath.dirname(candidate)
            let root = ImagePath.dirname(bin)
            return stage.image.fileSystem.isFile(root + "/pyvenv.cfg") ? root : nil
        }
        return nil
    }

    mutating func pip(_ arguments: [String], interpreter: String?, pipProgram: String? = nil, cwd: String, stage: inout DockerStage) {
        guard arguments.first == "install" else { return }
        var options: [String: String] = [:]
        var requirementFiles: [String] = []
        var packages: [String] = []
        let takesValue: Set<String> = ["-r", "--requirement", "-c", "--constraint", "-t", "--target", "--prefix", "-i", "--index-url",
                                       "--extra-index-url", "--trusted-host", "-f", "--find-links", "--root-user-action", "--root", "--platform",
                                       "--python-version", "--only-binary", "--no-binary", "--progress-bar", "--timeout", "--retries", "-e", "--editable",
                                       // pip's other value-taking options (pip/_internal/cli/cmdoptions.py).
                                       "--cache-dir", "--src", "--upgrade-strategy", "--log", "--proxy", "--cert", "--client-cert",
                                       "--exists-action", "--global-option", "--config-settings", "-C", "--implementation", "--abi",
                                       "--report", "--python", "--keyring-provider", "--use-feature", "--use-deprecated", "--group"]
        for item in CommandOptions(Array(arguments.dropFirst()), takesValue: takesValue).items {
            switch item {
            case .positional(let package): packages.append(package)
            case .option(let option):
                switch option.name {
                case "-r", "--requirement": if let value = option.value { requirementFiles.append(value) }
                case "-t": options["--target"] = option.value
                case "-e", "--editable": if let value = option.value { packages.append(value) }
                case "--user", "--target", "--prefix": options[option.name] = option.value ?? ""
                default: continue
                }
            }
        }
        let program = pipProgram ?? interpreter ?? "pip"
        guard let site = installLocation(program: program, options: options, stage: stage) else {
            notes.append(.runNotModelled(command: "pip install (no Python in this image)", location: evaluator.location(instruction)))
            return
        }
        // <prefix>/lib/python3.X/site-packages → <prefix>/bin (sysconfig posix_prefix/posix_user schemes).
        let binDirectory = ImagePath.join(site, "../../../bin")
        var installed: [InstalledDistribution] = []
        var localNotes: [BuildNote] = []
        for file in requirementFiles {
            let imagePath = ImagePath.join(cwd, file)
            guard case .file(.repository(let repoPath))? = stage.image.fileSystem.node(at: imagePath) else {
                if stage.image.fileSystem.isFile(imagePath) {
                    notes.append(.runNotModelled(command: "pip install -r \(file) (file not from the repository)", location: evaluator.location(instruction)))
                    continue
                }
                // pip/_internal/req/req_file.py get_file_content: "Could not open requirements file: <OSError>"
                failure = BuildFailure(.unsupported, message: "ERROR: Could not open requirements file: [Errno 2] No such file or directory: '\(file)'",
                                       location: evaluator.location(instruction))
                return
            }
            installed += PythonDependencies.fromRequirements(repoPath, in: evaluator.snapshot, sitePackages: site, python: stage.image.python?.version, notes: &localNotes)
            log.append("pip install -r \(imagePath) → \(site)")
        }
        var specifiers: [String] = []
        for package in packages {
            if package == "." || package.hasPrefix("./") || package.hasPrefix("/") || package.hasPrefix("git+") || package.contains("://") {
                notes.append(.runNotModelled(command: "pip install \(package)", location: evaluator.location(instruction)))
                continue
            }
            specifiers.append(package)
        }
        installed += PythonDependencies.fromCommandLine(specifiers, at: evaluator.location(instruction), sitePackages: site,
                                                        python: stage.image.python?.version, notes: &localNotes)
        notes += localNotes
        stage.image.distributions += installed
        stage.image.fileSystem.addNodes(PythonDependencies.nodes(for: installed, binDirectory: binDirectory))
    }

    mutating func venv(_ arguments: [String], cwd: String, stage: inout DockerStage) {
        guard let python = stage.image.python, let target = arguments.first(where: { !$0.hasPrefix("-") }) else { return }
        let venv = VirtualEnvironment(path: ImagePath.join(cwd, target), version: python.version,
                                      includeSystemSitePackages: arguments.contains("--system-site-packages"))
        stage.image.fileSystem.addNodes(InterpreterLayout.venvNodes(venv, base: python, createdBy: "RUN at \(evaluator.dockerfilePath):\(instruction.startLine)"))
        stage.image.fileSystem.addNodes(["\(venv.path)/bin/pip": .file(.generated(contents: [], by: "python -m venv"))])
        stage.image.virtualEnvironment = venv
        log.append("venv \(venv.path)")
    }
}
