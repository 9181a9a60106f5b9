import Foundation

/// Case kinds for the import semantics folded statically (python-imports.md §1.4, §2.8, §3.1):
/// `sys.path` edits with `__file__`/`os.path`/`pathlib` arithmetic, `site.addsitedir`, `.pth`
/// files in site-packages, circular `from` imports, and module-level `os.environ[...]` reads.
extension StartupOracleGenerator {
    static let semanticsKinds: [Kind] = [
        Kind(name: "syspath-edit") { $0.sysPathEditCase($1) },
        Kind(name: "circular") { $0.circularCase($1) },
        Kind(name: "pth-file") { $0.pthCase($1) },
    ]

    /// Needs PythonRun to hand the process environment to the import machine
    /// (`machine.environment = environment.values`); add to `registry` once it does.
    static let semanticsEnvironmentKinds: [Kind] = [
        Kind(name: "environ-read") { $0.environReadCase($1) },
    ]

    /// A module under `lib/` the edit should make importable: fine, failing inside, or a package.
    mutating func libraryModule(_ draft: inout Draft) -> String {
        let missing = random.pick(Self.missingNames)
        switch random.int(4) {
        case 0:
            draft.files["lib/libpkg/__init__.py"] = Self.text([random.pick(["X = 1", "import \(missing)", "from .inner import thing"])])
            draft.files["lib/libpkg/inner.py"] = Self.text(["thing = 1"])
            return random.pick(["import libpkg", "from libpkg import inner", "import libpkg.inner", "from libpkg import nothing"])
        case 1:
            draft.files["lib/libmod.py"] = Self.text(["import \(missing)"])
            return "import libmod"
        default:
            draft.files["lib/libmod.py"] = Self.text(["L = 1", "VALUE = 2"])
            return random.pick(["import libmod", "from libmod import L", "from libmod import VALEU"])
        }
    }

    /// `sys.path.insert/append/extend(...)` and `site.addsitedir(...)` in the forms apps use.
    mutating func sysPathEditCase(_ context: Context) -> Draft {
        var draft = Draft()
        let inSource = random.chance(50)
        let mainFile = inSource ? "src/main.py" : "main.py"
        let up = inSource ? "../lib" : "lib"
        draft.arguments = [random.pick([mainFile, "./" + mainFile, context.workdir + "/" + mainFile])]
        let importLine = libraryModule(&draft)
        let edits: [[String]] = [
            ["sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), \"\(up)\"))"],
            ["sys.path.append(str(Path(__file__).resolve().parent / \"\(up)\"))"],
            ["sys.path.insert(0, \"lib\")"],
            ["sys.path.insert(0, './lib/')"],
            ["sys.path.extend([\"/nonexistent\", \"lib\"])"],
            ["sys.path.insert(0, Path(__file__).parent / \"\(up)\")"],
            ["BASE_DIR = os.path.dirname(__file__)", "sys.path.insert(0, os.path.join(BASE_DIR, \"\(up)\"))"],
            ["site.addsitedir(\"lib\")"],
            ["sys.path.insert(1, os.getcwd() + \"/lib\")"],
            ["ROOT = Path(__file__).resolve().parents[\(inSource ? 1 : 0)]", "sys.path.append(str(ROOT.joinpath(\"lib\")))"],
            ["sys.path.insert(0, os.path.normpath(os.path.join(os.path.dirname(__file__), \"\(up)\")))"],
        ]
        var main = preamble() + ["import os", "import sys", "import site", "from pathlib import Path"]
        if random.chance(15) { main.append(importLine) }  // before the edit: not found yet
        main += random.pick(edits)
        main.append(importLine)
        main += epilogue()
        draft.files[mainFile] = Self.text(main)
        return draft
    }

    /// `from m import X` while `m` is still initialising (Python/ceval.c `import_from`).
    mutating func circularCase(_ context: Context) -> Draft {
        var draft = Draft()
        draft.arguments = ["main.py"]
        switch random.int(4) {
        case 0:
            let before = random.chance(50)
            draft.files["a.py"] = Self.text(preamble() + (before ? ["X = 1", "from b import helper"] : ["from b import helper", "X = 1"]))
            draft.files["b.py"] = Self.text(["from a import \(random.pick(["X", "X", "Y", "helper"]))", "", "def helper():", "    return 1"])
            draft.files["main.py"] = Self.text(preamble() + ["import a"])
        case 1:
            draft.files["pkg/__init__.py"] = Self.text(["from .models import Model", "from .utils import helper"])
            draft.files["pkg/models.py"] = Self.text([random.pick(["from pkg import helper", "from pkg import Model", "from . import utils",
                                                                   "from .utils import helper"]), "", "class Model:", "    pass"])
            draft.files["pkg/utils.py"] = Self.text(["def helper():", "    return 1"])
            draft.files["main.py"] = Self.text(preamble() + [random.pick(["from pkg import Model", "import pkg"])])
        case 2:
            draft.files["models.py"] = Self.text(["from schemas import Schema", "", "class User:", "    pass"])
            draft.files["schemas.py"] = Self.text([random.pick(["from models import User", "import models"]), "", "class Schema:", "    pass"])
            draft.files["main.py"] = Self.text(preamble() + ["import models"])
        default:
            draft.files["svc/__init__.py"] = Self.text(["from .app import create", "from .config import Settings"])
            draft.files["svc/app.py"] = Self.text([random.pick(["from svc import Settings", "from svc.config import Settings"]), "def create():", "    return 1"])
            draft.files["svc/config.py"] = Self.text(["class Settings:", "    pass"])
            draft.files["svc/__main__.py"] = Self.text(["from svc import create"])
            draft.arguments = ["-m", "svc"]
        }
        return draft
    }

    /// `.pth` files in the interpreter's site-packages: path lines relative to it (sorted files,
    /// existing and new entries only; `import` lines run) — site.py `addpackage`.
    mutating func pthCase(_ context: Context) -> Draft {
        var draft = Draft()
        // site-packages is /usr/local/lib/python3.X/site-packages: five levels below `/`.
        let toRoot = "../../../../.."
        let lib = toRoot + context.workdir + "/lib"
        var lines = [random.pick([lib, lib + "/", toRoot + context.workdir])]
        if random.chance(40) { lines.insert("# added by the build", at: 0) }
        if random.chance(30) { lines.append(toRoot + "/nonexistent") }
        if random.chance(30) { lines.append("import os") }
        if random.chance(30) { lines.append(lib) }
        let name = random.pick(["extra.pth", "zz-local.pth", "__editable__.svc-0.1.pth"])
        draft.files["site/" + name] = Self.text(lines)
        draft.setup = ["COPY site/ /usr/local/lib/python3.\(context.minor)/site-packages/"]
        if random.chance(30) { draft.pythonPath = random.pick(["lib", context.workdir + "/other"]) }
        draft.files["main.py"] = Self.text(preamble() + [libraryModule(&draft)] + epilogue())
        draft.arguments = ["main.py"]
        return draft
    }

    /// Module-level `os.environ["X"]` with X set or not (KeyError through `os._Environ.__getitem__`).
    mutating func environReadCase(_ context: Context) -> Draft {
        var draft = Draft()
        let name = random.pick(["DATABASE_URL", "SECRET_KEY", "PORT", "API_TOKEN"])
        if random.chance(30) { draft.setup = ["ENV \(name)=set-in-image"] }
        let read = random.pick(["VALUE = os.environ[\"\(name)\"]", "VALUE = int(os.environ.get(\"PORT\", \"1\")) + len(os.environ['\(name)'])",
                                "os.environ[\"\(name)\"]", "CONFIG = {\"key\": os.environ[\"\(name)\"]}", "VALUE = str(environ['\(name)'])"])
        var body = preamble() + ["import os", "from os import environ"]
        if random.chance(20) {
            body += ["try:", "    " + read, "except KeyError:", "    VALUE = None"]
        } else {
            body.append(read)
        }
        if random.chance(50) {
            draft.files["settings.py"] = Self.text(body)
            draft.files["main.py"] = Self.text(preamble() + ["import settings"] + epilogue())
        } else {
            draft.files["main.py"] = Self.text(body + epilogue())
        }
        draft.arguments = ["main.py"]
        return draft
    }
}
