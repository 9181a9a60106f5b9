import Foundation
import TestSupport

/// A seed names one exact list of cases.
typealias OracleRandom = SplitMix64

/// One generated repository and how it is started.
struct StartupOracleCase: Sendable {
    var index: Int
    var minor: Int
    var kind: String
    var files: [String: String]
    /// Railway's custom start command (service settings), exec'd without a shell on Dockerfile builds.
    var startCommand: String? = nil
    /// How the oracle runs it (CPythonOracle.Options): the real shell, the user site, the sys.path probe.
    var replayShell = false
    var userSite = false
    var probe = true

    var dockerfile: String { files["Dockerfile"] ?? "" }
}

/// Builds small repositories that exercise CPython's start-up import rules (python-imports.md
/// §1–§3): a Dockerfile on an official python image plus a handful of Python files.
struct StartupOracleGenerator {
    /// Host patch releases (the pyenv builds the oracle runs); a `python:3.X.Y-slim` tag pins railsim
    /// to the same patch so runpy's frame line numbers can be exact.
    let hostPatches: [Int: Int]
    var random: OracleRandom

    init(seed: UInt64, hostPatches: [Int: Int]) {
        self.random = OracleRandom(seed: seed)
        self.hostPatches = hostPatches
    }

    /// One family of generated cases. Kinds live in a registry so several files can add families
    /// without editing the same lines: each file declares `static let <family>Kinds: [Kind]` in an
    /// extension and adds one line to `registry`.
    struct Kind: Sendable {
        var name: String
        /// The oldest CPython minor the kind applies to (e.g. 11 for `-P`).
        var minimumMinor = 8
        var build: @Sendable (inout StartupOracleGenerator, Context) -> Draft
    }

    struct Context: Sendable {
        var workdir: String
        var minor: Int
    }

    /// Every case family, one line per file that contributes kinds.
    static var registry: [Kind] {
        var kinds = coreKinds
        kinds += breadthKinds  // StartupOracleCasesBreadth.swift
        kinds += semanticsKinds  // StartupOracleSemanticsCases.swift
        return kinds
    }

    /// The original kinds (this file): import failures under `python FILE` / `-m`.
    static let coreKinds: [Kind] = [
        "missing-top", "missing-sub", "parent-module", "from-missing-name", "namespace", "namespace-shadowed",
        "stdlib-shadow", "unshadowable", "relative-script", "relative-package", "deep-chain", "try-except",
        "type-checking", "main-guard", "function-body", "pythonpath", "requirements", "missing-script",
        "module-run", "ok",
    ].map { name in Kind(name: name) { generator, context in generator.build(kind: name, workdir: context.workdir, minor: context.minor) } }

    /// What a kind builder returns: files (paths relative to the workdir), the argv after the
    /// interpreter name, and optional PYTHONPATH / requirements.
    struct Draft {
        var files: [String: String] = [:]
        var arguments: [String] = []
        var pythonPath: String?
        var requirements: [String]?
        /// A complete Dockerfile replacing the standard one (multi-stage builds, venvs).
        var dockerfile: [String]?
        /// Lines after `COPY . .` (RUN, ENV, USER…), before PYTHONPATH and CMD.
        var setup: [String] = []
        /// CMD in shell form, verbatim, instead of the argv.
        var shellCommand: String?
        /// The interpreter word (default: a random spelling of python).
        var python: String?
        /// Railway's custom start command (service settings).
        var startCommand: String?
        var replayShell = false
        var userSite = false
        var probe = true
    }

    /// The case for a draft (oracle options carried over).
    static func finish(_ draft: Draft, files: [String: String], index: Int, minor: Int, kind: String) -> StartupOracleCase {
        StartupOracleCase(index: index, minor: minor, kind: kind, files: files, startCommand: draft.startCommand,
                          replayShell: draft.replayShell, userSite: draft.userSite, probe: draft.probe)
    }

    /// A `python:3.X[.Y]-slim` tag (the host's patch half the time, see `hostPatches`).
    mutating func imageTag(minor: Int) -> String {
        if let patch = hostPatches[minor], random.chance(50) { return "3.\(minor).\(patch)-slim" }
        return "3.\(minor)-slim"
    }

    mutating func make(index: Int, minor: Int) -> StartupOracleCase {
        let kinds = Self.registry.filter { $0.minimumMinor <= minor }
        let chosen = kinds[random.int(kinds.count)]
        let kind = chosen.name
        let workdir = random.pick(["/app", "/app", "/srv/service", "/code", "/opt/project"])
        var draft = chosen.build(&self, Context(workdir: workdir, minor: minor))
        if let dockerfile = draft.dockerfile {
            var files = draft.files
            files["Dockerfile"] = dockerfile.joined(separator: "\n") + "\n"
            return Self.finish(draft, files: files, index: index, minor: minor, kind: kind)
        }
        var lines: [String] = []
        let tag: String
        if let patch = hostPatches[minor], random.chance(50) { tag = "3.\(minor).\(patch)-slim" } else { tag = "3.\(minor)-slim" }
        lines.append("FROM python:\(tag)")
        lines.append("WORKDIR \(workdir)")
        if let requirements = draft.requirements {
            draft.files["requirements.txt"] = requirements.joined(separator: "\n") + "\n"
            lines.append("COPY requirements.txt .")
            lines.append("RUN pip install -r requirements.txt")
        }
        lines.append(random.chance(50) ? "COPY . ." : "COPY . \(workdir)\(random.chance(50) ? "/" : "")")
        lines += draft.setup
        if let pythonPath = draft.pythonPath { lines.append("ENV PYTHONPATH=\(pythonPath)") }
        let python = draft.python ?? random.pick(["python", "python", "python3", "python3.\(minor)"])
        let argv = [python] + draft.arguments
        if let command = draft.shellCommand {
            lines.append("CMD " + command)
        } else if random.chance(80) {
            lines.append("CMD [" + argv.map { "\"\($0)\"" }.joined(separator: ", ") + "]")
        } else {
            lines.append("CMD " + argv.joined(separator: " "))
        }
        var files = draft.files
        files["Dockerfile"] = lines.joined(separator: "\n") + "\n"
        return Self.finish(draft, files: files, index: index, minor: minor, kind: kind)
    }

    // MARK: building blocks

    static let missingNames = ["ghost", "nosuchmod", "missing_dep", "not_installed", "phantom_lib"]
    static let safeStdlib = ["import os", "import sys", "import json", "from pathlib import Path", "import collections",
                             "from typing import Any", "import re", "import functools"]

    /// A few harmless lines before the interesting statement: docstring, comments, stdlib imports.
    mutating func preamble() -> [String] {
        var lines: [String] = []
        if random.chance(40) { lines.append("\"\"\"Service entry point.\"\"\"") }
        if random.chance(30) { lines.append("# generated by railsim's oracle test") }
        for _ in 0..<random.int(4) { lines.append(random.pick(Self.safeStdlib)) }
        if random.chance(40) { lines.append("") }
        return lines
    }

    mutating func epilogue() -> [String] {
        random.pick([[], ["", "VALUE = 1"], ["", "def main():", "    return 0", "", "", "if __name__ == \"__main__\":", "    main()"]])
    }

    /// The statement importing `module` (dotted) in one of the forms that change the traceback line
    /// or its carets.
    mutating func importStatement(_ module: String, names: [String] = ["thing"]) -> [String] {
        switch random.int(10) {
        case 0: return ["from \(module) import \(names.joined(separator: ", "))"]
        case 1: return ["import os; import \(module)"]
        case 2: return ["import \(module)  # needed at start-up"]
        case 3: return ["import os, \(module)"]
        case 4: return ["import \(module) as aliased"]
        case 5:
            let count = 1 + random.int(4)
            return ["from \(module) import ("] + (0..<count).map { "    name_\($0)," } + [")"]
        case 6: return ["for _ in range(1):", "    import \(module)"]
        case 7: return ["with open(__file__) as handle:", "    import \(module)"]
        default: return ["import \(module)"]
        }
    }

    static func text(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    /// Where the main script lives and how the command names it.
    mutating func script(workdir: String) -> (file: String, argument: String) {
        switch random.int(6) {
        case 0: return ("main.py", workdir + "/main.py")
        case 1: return ("main.py", "./main.py")
        case 2: return ("src/main.py", "src/main.py")
        case 3: return ("src/main.py", workdir + "/src/main.py")
        default: return ("main.py", "main.py")
        }
    }

    static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[..<slash]) + "/"
    }

    // MARK: kinds

    mutating func build(kind: String, workdir: String, minor: Int) -> Draft {
        var draft = Draft()
        let (mainFile, mainArgument) = script(workdir: workdir)
        let dir = Self.directory(of: mainFile)
        draft.arguments = [mainArgument]
        let missing = random.pick(Self.missingNames)
        var main = preamble()
        switch kind {
        case "missing-top":
            main += importStatement(random.chance(25) ? missing + ".sub" : missing)
            if random.chance(20) { main = ["if __name__ == \"__main__\":"] + main.map { "    " + $0 } }
        case "missing-sub":
            let package = random.pick(["appcore", "billing", "widgets"])
            let regular = random.chance(70)
            draft.files[dir + package + (regular ? "/__init__.py" : "/models.py")] = regular ? Self.text(["VERSION = \"1.0\""]) : Self.text(["MODEL = 1"])
            if regular, random.chance(50) { draft.files[dir + package + "/models.py"] = Self.text(["MODEL = 1"]) }
            switch random.int(3) {
            case 0: main += importStatement(package + "." + missing)
            case 1: main += ["from \(package) import \(random.pick(["models", missing]))"]
            default: main += ["from \(package).\(missing) import thing"]
            }
        case "parent-module":
            draft.files[dir + "helpers.py"] = Self.text(["def helper():", "    return 1"])
            main += random.chance(50) ? importStatement("helpers.sub") : ["from helpers.sub import helper"]
        case "from-missing-name":
            let definitions = ["def load_config():", "    return {}", "", "", "class Widget:", "    pass", "", "", "VALUE = 1",
                               "MAX_RETRIES = 3", "import os", "ab = 2", "db = 3"]
            let typo = random.pick(["load_confg", "Widgte", "VALEU", "totally_unrelated", "load_config", "max_retries", "widget", "VALUES",
                                    "os", "path", "Wdgt", "LOAD_CONFIG", "_private", "xb", "a", "__nme__", "_os"])
            switch random.int(3) {
            case 0:
                draft.files[dir + "helpers.py"] = Self.text(definitions)
                main += ["from helpers import \(typo)"]
            case 1:
                draft.files[dir + "appcore/__init__.py"] = Self.text(definitions)
                main += ["from appcore import \(typo)"]
            default:
                draft.files[dir + "appcore/__init__.py"] = Self.text(["APP_NAME = \"core\""])
                draft.files[dir + "appcore/settings.py"] = Self.text(definitions)
                main += ["from appcore.settings import \(random.chance(50) ? typo : "APP_NAM")"]
            }
        case "namespace":
            // ns portions in path0 and in a PYTHONPATH directory are merged (PEP 420).
            draft.pythonPath = random.pick(["lib", workdir + "/lib", workdir + "/lib/"])
            draft.files[dir + "ns/alpha.py"] = Self.text(["A = 1"])
            draft.files["lib/ns/beta.py"] = Self.text(["B = 2"])
            if random.chance(30) { draft.files[dir + "emptyns/README.md"] = "not a module\n" }
            main += [random.pick(["from ns import alpha, beta", "import ns.alpha, ns.beta", "from ns import gamma", "import ns.gamma",
                                  "from ns.beta import B", "from ns.beta import C", "from emptyns import thing", "import emptyns"])]
        case "namespace-shadowed":
            // A regular module in a later entry beats an earlier namespace portion (§2.3).
            draft.pythonPath = random.pick(["lib", workdir + "/lib"])
            draft.files[dir + "ns/alpha.py"] = Self.text(["A = 1"])
            if random.chance(50) {
                draft.files["lib/ns.py"] = Self.text(["VALUE = 1"])
            } else {
                draft.files["lib/ns/__init__.py"] = Self.text(["VALUE = 1"])
                draft.files["lib/ns/alpha.py"] = Self.text(["A = 2"])
            }
            main += [random.pick(["import ns.alpha", "from ns import VALUE", "from ns import alpha", "from ns.alpha import A", "import ns"])]
        case "stdlib-shadow":
            switch random.int(4) {
            case 0:
                draft.files[dir + "random.py"] = Self.text(["SEED = 42"])
                main += [random.pick(["import random", "from random import randint", "from random import SEED", "from random import seed"])]
            case 1:
                draft.files[dir + "logging/__init__.py"] = Self.text(["LEVEL = 10"])
                main += [random.pick(["import logging", "import logging.handlers", "from logging import getLogger", "from logging import LEVEL"])]
            case 2:
                draft.files[dir + "json/README.md"] = "a directory named like the stdlib json package\n"
                main += [random.pick(["import json", "from json import loads", "import json.decoder"])]
            default:
                draft.pythonPath = "lib"
                draft.files["lib/random.py"] = Self.text(["import ghost_random"])
                main += ["import random"]
            }
        case "unshadowable":
            let name = random.pick(["sys", "os", "time", "abc", "io", "stat", "codecs", "posixpath", "runpy", "zipimport",
                                    "itertools", "errno", "genericpath", "site", "encodings", "linecache"])
            draft.files[dir + name + ".py"] = Self.text(["import ghost_\(name)"])
            main += ["import \(name)"]
        case "relative-script":
            draft.files[dir + "helpers.py"] = Self.text(["X = 1"])
            main += [random.pick(["from . import helpers", "from .helpers import X", "from .. import helpers", "from .missing import y"])]
        case "relative-package":
            return modulePackage(workdir: workdir, draft: draft, relative: true)
        case "deep-chain":
            let depth = 1 + random.int(3)
            draft.files[dir + "appcore/__init__.py"] = random.chance(50) ? Self.text(["from .version import VERSION"]) : Self.text(["\"\"\"Core package.\"\"\""])
            draft.files[dir + "appcore/version.py"] = Self.text(["VERSION = \"1.0\""])
            var chain = ["appcore.service", "appcore.config", "appcore.db"]
            chain = Array(chain.prefix(depth))
            for (position, module) in chain.enumerated() {
                let path = dir + module.replacingOccurrences(of: ".", with: "/") + ".py"
                var body = preamble()
                if position + 1 < chain.count {
                    body += [random.pick(["from \(chain[position + 1]) import thing", "import \(chain[position + 1])",
                                          "from . import \(chain[position + 1].split(separator: ".").last ?? "")"])]
                    body += ["thing = 1"]
                } else {
                    body += importStatement(random.chance(80) ? missing : "appcore.nothing_here")
                    body += ["thing = 1"]
                }
                draft.files[path] = Self.text(body)
            }
            if random.chance(25) {
                // The failure inside the package's own __init__.
                draft.files[dir + "appcore/__init__.py"] = Self.text(["from .service import thing"])
                main += ["import appcore"]
            } else {
                main += [random.pick(["from appcore.service import thing", "import appcore.service"])]
            }
        case "try-except":
            draft.files[dir + "helpers.py"] = Self.text(["VALUE = 1"])
            switch random.int(7) {
            case 0: main += ["try:", "    import \(missing)", "except ImportError:", "    \(missing) = None"]
            case 1: main += ["try:", "    import ujson as json", "except ModuleNotFoundError:", "    import json"]
            case 2: main += ["try:", "    from helpers import VALEU", "except ModuleNotFoundError:", "    pass"]
            case 3: main += ["try:", "    from helpers import VALEU", "except (ImportError, AttributeError):", "    VALEU = 0"]
            case 4: main += ["try:", "    import \(missing)", "except Exception:", "    pass", "else:", "    pass", "import \(missing)"]
            case 5: main += ["try:", "    import helpers", "except ImportError:", "    pass", "else:", "    import \(missing)"]
            default: main += ["try:", "    import \(missing)", "except ValueError:", "    pass"]
            }
        case "type-checking":
            switch random.int(4) {
            case 0: main += ["from typing import TYPE_CHECKING", "", "if TYPE_CHECKING:", "    from \(missing) import Thing"]
            case 1: main += ["import typing", "", "if typing.TYPE_CHECKING:", "    import \(missing)"]
            case 2: main += ["from typing import TYPE_CHECKING", "", "if TYPE_CHECKING:", "    import \(missing)", "else:", "    import \(missing)"]
            default: main += ["from typing import TYPE_CHECKING", "", "if not TYPE_CHECKING:", "    import \(missing)"]
            }
        case "main-guard":
            draft.files[dir + "helpers.py"] = Self.text(["VALUE = 1", "", "if __name__ == \"__main__\":", "    import \(missing)"])
            main += ["import helpers"]
            if random.chance(50) { main += ["", "if __name__ == \"__main__\":", "    import \(missing)"] }
        case "function-body":
            switch random.int(6) {
            case 0: main += ["def handler():", "    import \(missing)", "    return \(missing)"]
            case 1: main += ["class Service:", "    def run(self):", "        from \(missing) import thing", "        return thing"]
            case 3: main += ["class Outer:", "    VALUE = 1", "", "    class Inner:", "        import \(missing)", "        OTHER = 2"]
            case 4:
                draft.files[dir + "helpers.py"] = Self.text(["class Config:", "    DEBUG = False", "    import \(missing)", "    LEVEL = 1"])
                main += ["import helpers"]
            case 5: main += ["class Service:", "    try:", "        import \(missing)", "    except ImportError:", "        pass", "    import os", "VALUE = 1"]
            default: main += ["class Service:", "    import \(missing)"]
            }
        case "pythonpath":
            return pythonPathCase(workdir: workdir, draft: draft)
        case "requirements":
            let available: [(requirement: String, module: String)] = [("requests==2.31.0", "requests"), ("PyYAML", "yaml"),
                                                                       ("flask>=2", "flask"), ("python-dotenv", "dotenv")]
            var requirements: [String] = []
            for entry in available where random.chance(50) { requirements.append(entry.requirement) }
            draft.requirements = requirements
            let used = available.filter { _ in random.chance(60) }.map(\.module)
            for module in used.isEmpty ? ["yaml"] : used {
                main += [random.pick(["import \(module)", "from \(module) import thing", "import \(module).submodule"])]
            }
        case "missing-script":
            let name = random.pick(["app.py", "server.py", "src/run.py", "missing.py"])
            draft.arguments = [random.pick([name, "./" + name, workdir + "/" + name])]
            main += ["VALUE = 1"]
        case "module-run":
            return modulePackage(workdir: workdir, draft: draft, relative: false)
        default:  // ok
            draft.files[dir + "appcore/__init__.py"] = Self.text(["from .models import Model"])
            draft.files[dir + "appcore/models.py"] = Self.text(["class Model:", "    pass"])
            draft.files[dir + "helpers.py"] = Self.text(["import appcore.models as models", "VALUE = models.Model"])
            main += [random.pick(["import helpers", "from appcore import Model", "from appcore.models import Model", "import appcore.models",
                                  "from appcore import models"])]
        }
        main += epilogue()
        draft.files[mainFile] = Self.text(main)
        return draft
    }

    /// `python -m …`: packages with `__main__`, relative imports inside packages, and the runpy
    /// failures (missing module, missing parent, package without `__main__`, parent a module).
    mutating func modulePackage(workdir: String, draft start: Draft, relative: Bool) -> Draft {
        var draft = start
        let missing = random.pick(Self.missingNames)
        draft.files["appcore/__init__.py"] = Self.text(random.chance(70) ? ["VERSION = \"1.0\""] : ["from .helpers import X"])
        draft.files["appcore/helpers.py"] = Self.text(["X = 1"])
        draft.files["helpers.py"] = Self.text(["X = 1"])
        if relative {
            var body = preamble()
            body += [random.pick(["from . import helpers", "from .helpers import X", "from . import \(missing)", "from .\(missing) import y",
                                  "from .. import helpers", "from ..helpers import X", "from .helpers import Y"])]
            body += epilogue()
            let asMain = random.chance(40)
            draft.files[asMain ? "appcore/__main__.py" : "appcore/cli.py"] = Self.text(body)
            draft.arguments = ["-m", asMain ? "appcore" : "appcore.cli"]
            return draft
        }
        switch random.int(11) {
        case 9:
            // `-m main.py`: runpy imports `main` (running its body), then cannot find `main.py` in it.
            draft.files["main.py"] = Self.text(preamble() + (random.chance(30) ? importStatement(missing) : ["VALUE = 1"]))
            draft.arguments = ["-m", random.pick(["main.py", "\(missing).py", "appcore.helpers.py"])]
        case 10:
            // The parent's own ImportError names the parent: runpy swallows it and find_spec repeats it.
            draft.files["appcore/__init__.py"] = Self.text([random.pick(["from . import nope", "from appcore import nope", "import appcore.nope",
                                                                         "from .helpers import nope", "from . import helpers"])])
            draft.arguments = ["-m", random.pick(["appcore.helpers", "appcore.helpers.deeper", "appcore"])]
        case 0: draft.arguments = ["-m", missing]
        case 1: draft.arguments = ["-m", missing + ".cli"]
        case 2: draft.arguments = ["-m", "appcore"]
        case 3: draft.arguments = ["-m", "helpers.sub"]
        case 4: draft.arguments = ["-m", "appcore.\(missing)"]
        case 5:
            draft.files["nsdir/tool.py"] = Self.text(["T = 1"])
            draft.arguments = ["-m", random.pick(["nsdir", "nsdir.tool", "nsdir.nothing"])]
        case 6:
            draft.files["appcore/__init__.py"] = Self.text(["import \(missing)"])
            draft.arguments = ["-m", "appcore.helpers"]
        case 7:
            draft.files["appcore/cli.py"] = Self.text(preamble() + importStatement(missing) + epilogue())
            draft.arguments = ["-m", "appcore.cli"]
        default:
            draft.files["appcore/__main__.py"] = Self.text(preamble() + [random.pick(["from appcore.helpers import X", "import \(missing)",
                                                                                     "from .helpers import X", "from appcore import nothing"])])
            draft.arguments = ["-m", "appcore"]
        }
        return draft
    }

    /// PYTHONPATH with relative, empty and unset-variable entries (§1.2).
    mutating func pythonPathCase(workdir: String, draft start: Draft) -> Draft {
        var draft = start
        draft.pythonPath = random.pick(["\(workdir):$PYTHONPATH", "$PYTHONPATH:\(workdir)", "lib", ":lib", "lib:", "\(workdir)/lib:/nonexistent",
                                        "\(workdir)/lib::", "./lib", "lib/", "\(workdir)/lib:\(workdir)/lib", "\"\""])
        // The script lives in a subdirectory so path0 alone does not find the workdir's modules.
        draft.arguments = [random.pick(["src/main.py", workdir + "/src/main.py"])]
        draft.files["lib/libmod.py"] = Self.text(["L = 1"])
        draft.files["toplevel.py"] = Self.text(["T = 1"])
        draft.files["src/local.py"] = Self.text(["S = 1"])
        var main = preamble()
        main += [random.pick(["import libmod", "import toplevel", "import local", "import libmod, toplevel", "from libmod import L"])]
        main += epilogue()
        draft.files["src/main.py"] = Self.text(main)
        return draft
    }
}
