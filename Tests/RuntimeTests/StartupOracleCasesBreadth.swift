import Foundation

/// Case kinds for the invocation and image shapes services actually use (python-imports.md §1,
/// §4): `-c`, `-P`/PYTHONSAFEPATH, `-I`, `-E`, `-s`/PYTHONNOUSERSITE and the user site, `python DIR`,
/// venvs, multi-stage builds, relative WORKDIRs, shell start commands and Railway's custom start
/// command (exec'd without a shell).
extension StartupOracleGenerator {
    static let breadthKinds: [Kind] = [
        Kind(name: "command-c") { $0.commandCase($1) },
        Kind(name: "safe-path") { $0.safePathCase($1) },
        Kind(name: "isolated") { $0.isolatedCase($1) },
        Kind(name: "ignore-environment") { $0.ignoreEnvironmentCase($1) },
        Kind(name: "user-site") { $0.userSiteCase($1) },
        Kind(name: "python-dir") { $0.directoryCase($1) },
        Kind(name: "venv") { $0.venvCase($1) },
        Kind(name: "multi-stage") { $0.multiStageCase($1) },
        Kind(name: "workdir-relative") { $0.workdirCase($1) },
        Kind(name: "shell-command") { $0.shellCase($1) },
        Kind(name: "start-command") { $0.startCommandCase($1) },
    ]

    /// `CMD ["a", "b"]` (the words must not contain `"` or `\`).
    static func execForm(_ argv: [String]) -> String {
        "[" + argv.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    /// A module that imports something present, missing, or a name that is not there.
    mutating func importLine(present: String = "helpers") -> String {
        let missing = random.pick(Self.missingNames)
        return random.pick(["import \(present)", "import \(missing)", "from \(present) import VALUE", "from \(present) import VALEU",
                            "import \(present).sub", "from \(missing) import thing"])
    }

    /// A script body: preamble, the import of interest, epilogue.
    mutating func scriptBody(_ statement: String) -> String {
        Self.text(preamble() + [statement] + epilogue())
    }

    // MARK: interpreter options

    /// `python -c CODE`: path0 is '' (the cwd, Modules/main.c pymain_run_command).
    mutating func commandCase(_ context: Context) -> Draft {
        var draft = Draft()
        draft.files["helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["lib/libmod.py"] = Self.text(["L = 1"])
        if random.chance(30) { draft.pythonPath = "lib" }
        let missing = random.pick(Self.missingNames)
        let code = random.pick(["import helpers", "import \(missing)", "import os; import \(missing)", "from helpers import VALEU",
                                "import helpers, \(missing)", "import libmod", "from libmod import L", "import sys; from helpers import VALUE",
                                "print(1); import \(missing).sub"])
        draft.python = random.pick(["python", "python3"])
        draft.shellCommand = Self.execForm([draft.python ?? "python", "-c", code])
        return draft
    }

    /// `-P` and PYTHONSAFEPATH (3.11+; ignored before): no path0, so the script's own directory
    /// (or the cwd for `-m`/`-c`) is not searched (Python/initconfig.c `safe_path`).
    mutating func safePathCase(_ context: Context) -> Draft {
        var draft = Draft()
        draft.files["helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["appcore/__init__.py"] = Self.text(["VERSION = 1"])
        draft.files["appcore/cli.py"] = scriptBody(random.pick(["import helpers", "from appcore import VERSION", "import os"]))
        draft.files["main.py"] = scriptBody(importLine())
        let flag = context.minor >= 11 && random.chance(60)
        if !flag { draft.setup.append("ENV PYTHONSAFEPATH=" + random.pick(["1", "1", "yes", "\"\""])) }
        var options = flag ? [random.pick(["-P", "-P", "-Ps", "-sP"])] : []
        if random.chance(20) { options.append("-E") }
        draft.arguments = options + random.pick([["main.py"], [context.workdir + "/main.py"], ["-m", "appcore.cli"], ["-c", "import helpers"]])
        if draft.arguments.contains("-c") { draft.shellCommand = Self.execForm(["python"] + draft.arguments) }
        return draft
    }

    /// `-I`: no path0, no PYTHONPATH, no user site (Python/initconfig.c `isolated`).
    mutating func isolatedCase(_ context: Context) -> Draft {
        var draft = Draft()
        draft.files["helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["lib/libmod.py"] = Self.text(["L = 1"])
        draft.pythonPath = random.pick(["lib", context.workdir + "/lib"])
        draft.files["main.py"] = scriptBody(random.pick(["import libmod", "import helpers", "import os", "from libmod import L"]))
        draft.arguments = [random.pick(["-I", "-I", "-Is", "-IE"])] + random.pick([["main.py"], ["-m", "main"], ["-c", "import libmod"]])
        if draft.arguments.contains("-c") { draft.shellCommand = Self.execForm(["python"] + draft.arguments) }
        return draft
    }

    /// `-E`: PYTHON* variables ignored, so PYTHONPATH's directories are not searched.
    mutating func ignoreEnvironmentCase(_ context: Context) -> Draft {
        var draft = Draft()
        draft.files["lib/libmod.py"] = Self.text(["L = 1"])
        draft.files["src/main.py"] = scriptBody(random.pick(["import libmod", "from libmod import L", "import os"]))
        draft.files["src/local.py"] = Self.text(["S = 1"])
        draft.pythonPath = random.pick(["lib", context.workdir + "/lib", "lib:src"])
        draft.arguments = [random.pick(["-E", "-E", "-Es", "-sE", "-S"])] + [random.pick(["src/main.py", context.workdir + "/src/main.py"])]
        return draft
    }

    /// The user site (~/.local/lib/pythonX.Y/site-packages): `pip install --user` at build time,
    /// then `-s`, PYTHONNOUSERSITE, or a different HOME at run time (Lib/site.py `check_enableusersite`).
    mutating func userSiteCase(_ context: Context) -> Draft {
        var draft = Draft()
        draft.userSite = true
        draft.setup.append("RUN pip install --user humanize")
        switch random.int(6) {
        case 0: draft.setup.append("ENV HOME=/home/app")
        case 1: draft.setup.append("ENV PYTHONNOUSERSITE=1")
        case 2: draft.setup.append("ENV PYTHONNOUSERSITE=\"\"")
        default: break
        }
        draft.files["main.py"] = scriptBody(random.pick(["import humanize", "from humanize import naturalsize", "import humanize.time"]))
        draft.arguments = (random.chance(30) ? [random.pick(["-s", "-I"])] : []) + ["main.py"]
        return draft
    }

    /// `python DIR`: DIR/__main__.py runs with DIR as path0; without it runpy fails with
    /// "can't find '__main__' module in …" (Lib/runpy.py `_get_main_module_details`).
    mutating func directoryCase(_ context: Context) -> Draft {
        var draft = Draft()
        let directory = random.pick(["src", "app", "."])
        let prefix = directory == "." ? "" : directory + "/"
        draft.files[prefix + "helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["toplevel.py"] = Self.text(["T = 1"])
        if random.chance(75) {
            draft.files[prefix + "__main__.py"] = scriptBody(random.pick(["import helpers", "import toplevel", "from helpers import VALEU",
                                                                          "import \(random.pick(Self.missingNames))"]))
        } else {
            draft.files[prefix + "main.py"] = Self.text(["VALUE = 1"])
        }
        // "./" is left out: modules found through path0 "/app/./" keep the "./" in their file names,
        // which ModuleFinder normalises away (reported).
        let spelled = random.pick([directory, directory == "." ? "." : directory + "/", context.workdir + (directory == "." ? "" : "/" + directory)])
        draft.arguments = [random.chance(10) ? "nowhere" : spelled]
        return draft
    }

    // MARK: images

    /// `python -m venv /opt/venv` + `ENV PATH=/opt/venv/bin:$PATH` (Nixpacks' layout), with or
    /// without the system site-packages (Lib/venv/__init__.py, Lib/site.py `venv`).
    mutating func venvCase(_ context: Context) -> Draft {
        var draft = Draft()
        let venv = random.pick(["/opt/venv", "/venv", context.workdir + "/.venv"])
        // --system-site-packages venvs are left out: the oracle's recreated venv loses the venv's own
        // site-packages (scripts/oracle-run.py, open).
        let system = false
        draft.setup.append("RUN python -m venv \(system ? "--system-site-packages " : "")\(venv)")
        let onPath = random.chance(80)
        if onPath { draft.setup.append("ENV PATH=\(venv)/bin:$PATH") }
        if random.chance(80) { draft.setup.append("RUN \(onPath ? "pip" : venv + "/bin/pip") install humanize") }
        draft.files["helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["main.py"] = scriptBody(random.pick(["import humanize", "from humanize import naturalsize", "import helpers",
                                                         "import \(random.pick(Self.missingNames))"]))
        draft.python = onPath ? random.pick(["python", "python3"]) : random.pick([venv + "/bin/python", "python"])
        draft.arguments = ["main.py"]
        return draft
    }

    /// A builder stage installs into a venv or a `--prefix`; the final stage copies it (or forgets to).
    mutating func multiStageCase(_ context: Context) -> Draft {
        var draft = Draft()
        let tag = imageTag(minor: context.minor)
        let workdir = context.workdir
        draft.files["helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["main.py"] = scriptBody(random.pick(["import humanize", "from humanize import naturalsize", "import helpers",
                                                         "import \(random.pick(Self.missingNames))"]))
        var lines = ["FROM python:\(tag) AS builder"]
        var final = ["FROM python:\(tag)", "WORKDIR \(workdir)"]
        let forget = random.chance(20)
        var python = "python"
        if random.chance(50) {
            lines += ["RUN python -m venv /opt/venv", "ENV PATH=/opt/venv/bin:$PATH", "RUN pip install humanize"]
            if !forget { final.append("COPY --from=builder /opt/venv /opt/venv") }
            if random.chance(80) { final.append("ENV PATH=/opt/venv/bin:$PATH") } else { python = "/opt/venv/bin/python" }
            if forget { python = "python" }
        } else {
            lines += ["RUN pip install --prefix=/install humanize"]
            if !forget { final.append("COPY --from=builder /install /usr/local") }
        }
        final.append("COPY . .")
        final.append("CMD " + Self.execForm([python, "main.py"]))
        draft.dockerfile = lines + [""] + final
        return draft
    }

    /// WORKDIR relative to the previous one, scripts named relative to it (path0 is the script's
    /// directory, the traceback path os.path.join(cwd, argv) on 3.9+, as typed on 3.8).
    mutating func workdirCase(_ context: Context) -> Draft {
        var draft = Draft()
        let tag = imageTag(minor: context.minor)
        draft.files["helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["sub/local.py"] = Self.text(["LOCAL = 1"])
        draft.files["main.py"] = scriptBody(random.pick(["import helpers", "import local", "from helpers import VALEU"]))
        draft.files["sub/run.py"] = scriptBody(random.pick(["import helpers", "import local", "import \(random.pick(Self.missingNames))"]))
        let script = random.pick(["../main.py", "run.py", "./run.py", "main.py", "../sub/run.py", context.workdir + "/sub/../main.py"])
        draft.dockerfile = ["FROM python:\(tag)", "WORKDIR \(context.workdir)", "COPY . .", "WORKDIR sub",
                            "CMD " + Self.execForm([random.pick(["python", "python3"]), script])]
        return draft
    }

    // MARK: start commands

    /// Shell-form CMD run by /bin/sh -c: `cd`, `exec`, `VAR=x`, `&&` chains whose first command fails.
    mutating func shellCase(_ context: Context) -> Draft {
        var draft = Draft()
        draft.replayShell = true
        draft.files["helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["lib/libmod.py"] = Self.text(["L = 1"])
        draft.files["sub/main.py"] = scriptBody(random.pick(["import helpers", "import libmod", "import os", "import \(random.pick(Self.missingNames))"]))
        draft.files["main.py"] = scriptBody(random.pick(["import helpers", "import libmod", "import os", "import \(random.pick(Self.missingNames))"]))
        draft.files["check.py"] = scriptBody(random.pick(["import os", "import \(random.pick(Self.missingNames))"]))
        let python = random.pick(["python", "python3"])
        let command = random.pick([
            "cd sub && \(python) main.py",
            "exec \(python) main.py",
            "PYTHONPATH=lib \(python) main.py",
            "PYTHONPATH=lib exec \(python) sub/main.py",
            "\(python) check.py && \(python) main.py",
            "\(python) missing.py && \(python) main.py",
            "cd sub && exec \(python) -m main",
            "export PYTHONPATH=lib && \(python) main.py",
        ])
        // The sys.path probe runs with the image's environment, not the shell's assignments.
        draft.probe = !command.contains("=")
        if random.chance(30) {
            draft.shellCommand = Self.execForm([random.pick(["sh", "/bin/sh", "bash"]), "-c", command])
        } else {
            draft.shellCommand = command
        }
        return draft
    }

    /// Railway's custom start command on a Dockerfile build: exec'd without a shell, so `$PORT`
    /// reaches the program literally (docs.railway.com/deployments/start-command).
    mutating func startCommandCase(_ context: Context) -> Draft {
        var draft = Draft()
        draft.files["helpers.py"] = Self.text(["VALUE = 1"])
        draft.files["main.py"] = scriptBody(importLine())
        draft.files["appcore/__init__.py"] = Self.text(["VERSION = 1"])
        draft.files["appcore/cli.py"] = scriptBody(importLine())
        draft.arguments = ["other.py"]
        draft.files["other.py"] = Self.text(["import \(random.pick(Self.missingNames))"])
        draft.startCommand = random.pick([
            "python main.py --port $PORT", "python main.py", "python -m appcore.cli --bind 0.0.0.0:$PORT",
            "python3 missing.py $PORT", "sh -c \"cd appcore && python cli.py\"",
        ])
        draft.replayShell = draft.startCommand?.hasPrefix("sh ") == true
        return draft
    }
}
