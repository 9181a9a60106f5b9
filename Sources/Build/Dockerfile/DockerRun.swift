import Snapshot

/// RUN lines: nothing is executed. railsim reads the command to model what matters for start-up
/// (pip installs, venv creation, `cd`) and records everything else as "not modelled" on that line.
struct DockerRun {
    let evaluator: DockerfileEvaluator
    let instruction: DockerInstruction
    var notes: [BuildNote] = []
    var log: [String] = []
    var failure: BuildFailure?
    /// The failing command's exit status, where the tool's is known (pip and coreutils exit 1 on
    /// these errors, uv 2); BuildKit puts it in its RUN error line.
    var failureExitCode: Int?

    init(evaluator: DockerfileEvaluator, instruction: DockerInstruction) {
        self.evaluator = evaluator
        self.instruction = instruction
    }

    /// Commands that cannot change what Python imports, so not modelling them loses nothing.
    static let irrelevant: Set<String> = [
        "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "curl", "wget", "echo", "printf", "chmod", "chown", "useradd", "adduser",
        "groupadd", "addgroup", "true", "set", "export", "update-ca-certificates", "locale-gen", "ls", "cat", "test", "[", "sleep",
        "npm", "node", "yarn", "pnpm", "go", "cargo", "git", "touch",
    ]

    mutating func apply(to stage: inout DockerStage) {
        let commands: [(assignments: [(name: String, value: String)], words: [String])]
        switch instruction.arguments {
        case .exec(let words): commands = [([], words)]
        case .shell(let text):
            // The builder does not expand RUN; the shell does, with the build environment.
            guard let parsed = try? ShellParser.parse(text, environment: stage.buildEnvironment) else {
                notes.append(.runNotModelled(command: text, location: evaluator.location(instruction)))
                return
            }
            commands = parsed.commands.map { ($0.command.assignments, $0.command.words) }
        default: return
        }
        var cwd = stage.image.workingDirectory
        // `NAME=value cmd` applies to that command, `export NAME=value` to the rest of this RUN, neither to
        // later instructions (POSIX Shell Command Language §2.9.1, export).
        let original = stage.buildEnvironment
        var exported: [String: String] = [:]
        defer { stage.buildEnvironment = original }
        for (assignments, words) in commands {
            if failure != nil { return }
            stage.buildEnvironment = original.merging(exported) { $1 }
            for assignment in assignments { stage.buildEnvironment[assignment.name] = assignment.value }
            guard let program = words.first else { continue }
            if program == "export" {
                for word in words.dropFirst() {
                    let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
                    if pair.count == 2 { exported[pair[0]] = pair[1] }
                }
                continue
            }
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
            if name == "apt-get" || name == "apt", arguments.contains("install") {
                aptInstall(arguments, stage: &stage)
                continue
            }
            if name == "rm" {
                let targets = arguments.filter { !$0.hasPrefix("-") }.map { ImagePath.join(cwd, $0) }
                if !targets.isEmpty {
                    stage.image.fileSystem.add(.removed(Set(targets)))
                    notes.append(.removedByRun(paths: targets, location: evaluator.location(instruction)))
                }
                continue
            }
            if name == "uv" { uv(arguments, cwd: cwd, stage: &stage); continue }
            if name == "poetry" { poetry(arguments, cwd: cwd, stage: &stage); continue }
            if ["mkdir", "cp", "mv", "ln"].contains(name), fileCommand(name, arguments, cwd: cwd, stage: &stage) { continue }
            if name == "useradd" || name == "adduser" { addUser(name, arguments, stage: &stage); continue }
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
            let home = stage.buildEnvironment["HOME"] ?? BaseImageCatalog.home(ofUser: stage.image.user)
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

    /// `apt-get install python3 python3-pip …` on a Debian/Ubuntu base: the distribution's
    /// interpreter layout (`BaseImageCatalog.distributionPythons`, python-imports.md §1.3).
    mutating func aptInstall(_ arguments: [String], stage: inout DockerStage) {
        let packages = arguments.drop { $0 != "install" }.dropFirst().filter { !$0.hasPrefix("-") }.map { String($0.split(separator: "=").first ?? "") }
        let wantsPython = packages.contains { $0 == "python3" || $0.hasPrefix("python3-") || $0.hasPrefix("python3.") || $0 == "python-is-python3" }
        guard wantsPython, let apt = BaseImageCatalog.aptPython(for: stage.image.base) else { return }
        let python = apt.installation
        let short = python.version.short
        let origin = "apt-get install python3 (\(apt.release))"
        if stage.image.python == nil {
            stage.image.python = python
            // Debian's python3.X package: the interpreter, its stdlib, and the two dist-packages
            // directories (python3.X postinst creates /usr/local/lib/python3.X/dist-packages).
            var nodes: [String: ImageNode] = [
                "/usr/bin/python\(short)": .file(.baseImage(origin)),
                "/usr/bin/python3": .symlink(target: "python\(short)"),
                "/usr/lib/python\(short)": .directory(.baseImage(origin)),
                "/usr/lib/python\(short)/lib-dynload": .directory(.baseImage(origin)),
                "/usr/local/lib/python\(short)/dist-packages": .directory(.baseImage(origin)),
                "/usr/lib/python3/dist-packages": .directory(.baseImage(origin)),
            ]
            if let marker = apt.externallyManaged {
                let text = "[externally-managed]\nError=" + marker.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n ") + "\n"
                nodes["/usr/lib/python\(short)/EXTERNALLY-MANAGED"] = .file(.generated(contents: Array(text.utf8), by: origin))
            }
            stage.image.fileSystem.addNodes(nodes)
            log.append("apt python3 \(python.version) → /usr/bin/python3")
        }
        if packages.contains("python3-pip") {
            stage.image.fileSystem.addNodes(["/usr/bin/pip": .file(.baseImage(origin)), "/usr/bin/pip3": .file(.baseImage(origin)),
                                             "/usr/bin/pip\(short)": .file(.baseImage(origin))])
        }
        if packages.contains("python-is-python3") { stage.image.fileSystem.addNodes(["/usr/bin/python": .symlink(target: "python3")]) }
    }

    /// PEP 668: pip refuses to install into an interpreter whose stdlib holds `EXTERNALLY-MANAGED`,
    /// outside a venv, unless `--break-system-packages` (or PIP_BREAK_SYSTEM_PACKAGES) is given or
    /// `--target`/`--prefix`/`--root` redirect the install (pip/_internal/commands/install.py
    /// `check_externally_managed`; pip/_internal/exceptions.py `ExternallyManagedEnvironment`).
    func externallyManagedError(program: String, arguments: [String], stage: DockerStage) -> String? {
        guard let python = stage.image.python, venvOwning(program: program, stage: stage) == nil else { return nil }
        let marker = python.stdlibDirectory + "/EXTERNALLY-MANAGED"
        guard let bytes = try? stage.image.fileSystem.contents(of: marker) else { return nil }
        let words = Set(arguments.map { String($0.split(separator: "=").first ?? "") })
        if !words.isDisjoint(with: ["--break-system-packages", "--target", "-t", "--prefix", "--root"]) { return nil }
        if let value = stage.buildEnvironment["PIP_BREAK_SYSTEM_PACKAGES"], ["1", "true", "yes", "on"].contains(value.lowercased()) { return nil }
        // The marker's `Error=` value (an INI continuation), shown under "╰─> " and indented by four.
        let lines = Self.markerError(bytes)
        guard let first = lines.first else { return nil }
        let context = (["╰─> " + first] + lines.dropFirst().map { "    " + $0 }).joined(separator: "\n")
        return "error: externally-managed-environment\n\n× This environment is externally managed\n\(context)\n\n"
            + "note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. "
            + "You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.\n"
            + "hint: See PEP 668 for the detailed specification."
    }

    /// The `Error=` value of an EXTERNALLY-MANAGED marker (an INI value with continuation lines; PEP 668).
    static func markerError(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var inError = false
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Error=") { inError = true; lines.append(String(line.dropFirst(6))); continue }
            if inError, line.hasPrefix(" ") { lines.append(String(line.dropFirst())); continue }
            inError = false
        }
        return lines
    }

    mutating func pip(_ arguments: [String], interpreter: String?, pipProgram: String? = nil, cwd: String, stage: inout DockerStage, site chosen: String? = nil) {
        guard arguments.first == "install" else { return }
        if chosen == nil, let error = externallyManagedError(program: pipProgram ?? interpreter ?? "pip", arguments: arguments, stage: stage) {
            failure = BuildFailure(.unsupported, message: error, location: evaluator.location(instruction))
            failureExitCode = 1  // pip's ERROR status (pip/_internal/cli/status_codes.py ERROR = 1)
            return
        }
        var options: [String: String] = [:]
        var requirementFiles: [String] = []
        var packages: [String] = []
        var editable: Set<String> = []
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
                case "-e", "--editable": if let value = option.value { packages.append(value); editable.insert(value) }
                case "--user", "--target", "--prefix", "--no-deps": options[option.name] = option.value ?? ""
                default: continue
                }
            }
        }
        let program = pipProgram ?? interpreter ?? "pip"
        guard let site = chosen ?? installLocation(program: program, options: options, stage: stage) else {
            notes.append(.runNotModelled(command: "pip install (no Python in this image)", location: evaluator.location(instruction)))
            return
        }
        // A non-root user's `pip install --user` must create ~/.local; a home that was never created
        // (useradd without -m) sits in a root-owned directory, so pip stops [EXP: pip 23.0.1 as uid
        // 65534 with HOME under a root-owned dir: this text, exit 1]; HOME=/ cannot take /.local either.
        let root = ["root", "0"].contains(stage.image.user.split(separator: ":").first.map(String.init) ?? "root")
        if !root, options["--target"] == nil, options["--prefix"] == nil, venvOwning(program: program, stage: stage) == nil {
            let home = stage.buildEnvironment["HOME"] ?? BaseImageCatalog.home(ofUser: stage.image.user)
            let blocked = home == "/" ? "/.local" : (stage.image.fileSystem.isDirectory(home) ? nil : home)
            if let blocked {
                failureExitCode = 1  // pip/_internal/cli/status_codes.py ERROR = 1 ([EXP] pip 23.2.1: exit 1)
                failure = BuildFailure(.unsupported, message: "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '\(blocked)'\nCheck the permissions.",
                                       location: evaluator.location(instruction))
                return
            }
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
                failureExitCode = 1  // pip/_internal/cli/status_codes.py ERROR = 1 ([EXP] pip 23.2.1: exit 1)
                failure = BuildFailure(.unsupported, message: "ERROR: Could not open requirements file: [Errno 2] No such file or directory: '\(file)'",
                                       location: evaluator.location(instruction))
                return
            }
            installed += PythonDependencies.fromRequirements(repoPath, in: evaluator.snapshot, sitePackages: site, python: stage.image.python?.version, notes: &localNotes)
            log.append("pip install -r \(imagePath) → \(site)")
        }
        var specifiers: [String] = []
        for package in packages {
            if let project = localProject(package, cwd: cwd, stage: stage) {
                // pip.pypa.io/en/stable/cli/pip_install/: a local project directory is built and installed with its
                // [project] dependencies (none with --no-deps) and its own modules (ProjectInstall).
                if options["--no-deps"] == nil {
                    var local: [BuildNote] = []
                    installed += PythonDependencies.fromPyproject(project, in: evaluator.snapshot, sitePackages: site, python: stage.image.python?.version, notes: &local)
                    notes += local
                }
                let directory = ImagePath.join(cwd, String(package.prefix { $0 != "[" }))
                let mode: ProjectInstall.Mode = editable.contains(package) ? .editable : .regular
                installProject(directory, site: site, mode: mode, command: "pip install \(mode == .editable ? "-e " : "")\(package)", stage: &stage)
                if failure != nil { return }
                continue
            }
            if package == "." || package.hasPrefix("./") || package.hasPrefix("/") || package.hasPrefix("git+") || package.contains("://") {
                notes.append(.runNotModelled(command: "pip install \(package)", location: evaluator.location(instruction)))
                continue
            }
            specifiers.append(package)
        }
        var fromLine = PythonDependencies.fromCommandLine(specifiers, at: evaluator.location(instruction), sitePackages: site,
                                                          python: stage.image.python?.version, notes: &localNotes)
        if options["--no-deps"] != nil {
            // pip.pypa.io/en/stable/cli/pip_install/#cmdoption-no-deps: only the named distributions.
            let named = Set(specifiers.compactMap { Self.requirementName($0) })
            fromLine = fromLine.filter { named.contains(PythonPackageName.normalize($0.name)) }
        }
        installed += fromLine
        notes += localNotes
        stage.image.distributions += installed
        stage.image.fileSystem.addNodes(PythonDependencies.nodes(for: installed, binDirectory: binDirectory))
    }

    /// `.`, `./dir`, `/abs/dir` (optionally with `[extras]`) naming a directory whose pyproject.toml came from the repository.
    func localProject(_ package: String, cwd: String, stage: DockerStage) -> RepoPath? {
        let path = String(package.prefix { $0 != "[" })
        guard path == "." || path.hasPrefix("./") || path.hasPrefix("/") || path == ".." || path.hasPrefix("../") else { return nil }
        return repositoryFile(ImagePath.join(ImagePath.join(cwd, path), "pyproject.toml"), stage: stage)
    }

    /// `useradd -m`/`--create-home` (shadow useradd(8)) and Debian's `adduser` (creates the home unless
    /// `--no-create-home`; busybox: unless `-H`) make the user's home; `-d`/`--home-dir`/`--home` name it.
    mutating func addUser(_ name: String, _ arguments: [String], stage: inout DockerStage) {
        let takesValue: Set<String> = ["-d", "--home-dir", "--home", "-u", "--uid", "-g", "--gid", "--ingroup", "-G", "--groups", "-s", "--shell",
                                       "-c", "--comment", "--gecos", "-k", "--skel", "-e", "--expiredate", "-f", "--inactive", "-K", "--key",
                                       "-p", "--password", "-R", "--root", "-P", "--prefix", "-b", "--base-dir", "-Z", "--selinux-user", "-h"]
        var home: String? = nil
        var user: String? = nil
        var create = name == "adduser"
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if takesValue.contains(word), index + 1 < arguments.count {
                if ["-d", "--home-dir", "--home", "-h"].contains(word) { home = arguments[index + 1] }
                index += 2
                continue
            }
            if word == "-m" || word == "--create-home" { create = true }
            if word == "-M" || word == "--no-create-home" || word == "-H" { create = false }
            if word.hasPrefix("-") { index += 1; continue }
            user = word
            index += 1
        }
        guard create, let user else { return }
        let path = home ?? "/home/\(user)"
        stage.image.fileSystem.addNodes([path: .directory(.generated(contents: [], by: "\(name) \(user)"))])
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
