#!/usr/bin/env python3
"""Generate Sources/Runtime/Stdlib/StdlibData3_<minor>.swift for CPython 3.8-3.13.

railsim predicts `ModuleNotFoundError` without running code, so it needs to know,
per minor version, which names the standard library provides and which of them a
file in the app directory cannot shadow (research python-imports.md §1.5, §5.3).
This script asks each installed interpreter and walks its stdlib directory.

For each interpreter it records:
  * sys.version (full), sys.implementation.cache_tag,
    importlib.machinery.EXTENSION_SUFFIXES, and the prefix-relative layout of
    the stdlib entries on sys.path (lib/python3X.zip, lib/python3.X,
    lib/python3.X/lib-dynload) plus site-packages;
  * sys.builtin_module_names;
  * _imp._frozen_module_names() on 3.11+ (the complete list, including the
    `__hello__`/`__phello__` test modules and `.__init__` aliases; it returns
    dotted names such as `os.path` and `importlib.util`);
  * dotted names that importing a stdlib module registers in sys.modules with no
    file of their own (`typing.io`, `typing.re` on 3.8-3.12, `os.path`), found by
    importing every top-level stdlib module except a few with side effects;
  * the stdlib modules already in sys.modules when `python -I -c ...` starts
    (site has run; modules from site-packages, such as setuptools'
    `_distutils_hack` imported by a .pth line, are filtered out and reported);
  * every module reachable in the stdlib directory and lib-dynload, found by
    walking files without importing anything, resolved with FileFinder's
    precedence (package directory with __init__, then extension module, then
    source, then bytecode; a directory without __init__ is a namespace
    package only if nothing else matched; the stdlib directory is searched
    before lib-dynload because it comes first on sys.path);
  * sys.stdlib_module_names on 3.10+, and which of those names have no file,
    builtin or frozen module in this build ("may be absent").
Excluded from the walk: `site-packages`, `__pycache__`, the
`config-3.X-<triplet>` directory and any other directory whose name is not an
identifier, and everything *inside* packages named `test`, `tests` or
`idle_test` (the package itself is kept: `test`, `unittest.test`,
`idlelib.idle_test`, ...). Those are test-suite internals; the official Docker
images delete these directories anyway.

The data is written as one multi-line string per table, sorted, so the output
is deterministic and cheap to compile. Run from anywhere:

    scripts/generate-stdlib-tables.py [--python 3.11=/path/to/python3.11 ...]
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "Sources" / "Runtime" / "Stdlib"
MINORS = range(8, 14)

# Names in sys.stdlib_module_names that only exist on Windows or macOS; they are
# reported separately from optional Linux extensions that this build lacks.
NOT_LINUX = {"msvcrt", "nt", "winreg", "winsound", "_winapi", "_overlapped", "_msi", "msilib",
             "_wmi", "_scproxy", "_winreg"}

# Frozen in every version 3.8+ but only listable through _imp.is_frozen() before 3.11.
FROZEN_CANDIDATES = ["_frozen_importlib", "_frozen_importlib_external", "zipimport", "__hello__",
                     "__phello__", "__phello__.spam"]

PROBE = r'''
import importlib.machinery, json, os, sys, sysconfig
out = {
    "version": sys.version.split()[0],
    "cache_tag": sys.implementation.cache_tag,
    "ext_suffixes": list(importlib.machinery.EXTENSION_SUFFIXES),
    "source_suffixes": list(importlib.machinery.SOURCE_SUFFIXES),
    "bytecode_suffixes": list(importlib.machinery.BYTECODE_SUFFIXES),
    "builtins": sorted(sys.builtin_module_names),
    "prefix": sys.prefix,
    "path": list(sys.path),
    "stdlib": sysconfig.get_paths()["stdlib"],
    "purelib": sysconfig.get_paths()["purelib"],
}
import _imp
try:
    out["frozen"] = sorted(_imp._frozen_module_names())
    out["frozen_source"] = "_imp._frozen_module_names()"
except AttributeError:
    cands = json.loads(sys.argv[1])
    out["frozen"] = sorted(n for n in cands if _imp.is_frozen(n))
    out["frozen_source"] = "_imp.is_frozen() over candidate names"
out["stdlib_module_names"] = sorted(getattr(sys, "stdlib_module_names", [])) or None
print(json.dumps(out))
'''

# Run with -I -S, then run site.main() with no site-packages prefixes: the same
# modules a normal start imports, minus whatever .pth files in this machine's
# site-packages would add (pyenv's has setuptools' distutils-precedence.pth and
# others), which the official images do not share.
STARTUP_PROBE = ("import sys, site; site.PREFIXES[:] = []; site.ENABLE_USER_SITE = False; site.main(); "
                 "m = sorted(sys.modules); import json; print(json.dumps(m))")

# Imports every top-level stdlib module (argv[1]) and lists the dotted names that
# importing them put into sys.modules, e.g. `typing.io` (3.8-3.12) and `os.path`:
# `import typing.io` then succeeds through the sys.modules cache although no
# file of that name exists. Output on the last line; imports may print.
ALIAS_PROBE = r'''
import json, sys, io, contextlib
names = json.loads(sys.argv[1])
sink = io.StringIO()
for n in names:
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            __import__(n)
    except BaseException:
        pass
print()
print(json.dumps(sorted(k for k in list(sys.modules) if "." in k)))
'''
# Never imported by ALIAS_PROBE: they open a browser, print, or start a GUI.
NO_IMPORT = {"antigravity", "this", "__hello__", "__hello_alias__", "__hello_only__", "__phello__",
             "__phello_alias__", "idlelib", "turtledemo", "tkinter", "turtle", "test", "pydoc_data"}

TEST_DIRS = {"test", "tests", "idle_test"}


def find_interpreter(minor: int, overrides: dict[int, str]) -> str | None:
    """python3.X on PATH if it really runs that version, else a pyenv install."""
    candidates = []
    if minor in overrides:
        candidates.append(overrides[minor])
    on_path = shutil.which(f"python3.{minor}")
    if on_path:
        candidates.append(on_path)
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    found = glob.glob(os.path.join(root, "versions", f"3.{minor}.*", "bin", f"python3.{minor}"))
    found.sort(key=lambda p: [int(x) if x.isdigit() else 0 for x in p.split("/versions/")[1].split("/")[0].split(".")])
    candidates.extend(reversed(found))
    for exe in candidates:
        try:
            proc = subprocess.run([exe, "-c", "import sys; print(sys.version_info[:2])"],
                                  capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if proc.returncode == 0 and proc.stdout.strip() == f"(3, {minor})":
            return exe
    return None


def run_json(exe: str, code: str, *extra: str, no_site: bool = False) -> object:
    flags = ["-I", "-S"] if no_site else ["-I"]
    # The official images set LANG=C.UTF-8; the locale decides which encodings
    # module start-up imports (3.8 adds encodings.latin_1 under the C locale).
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env["LANG"] = "C.UTF-8"
    with tempfile.TemporaryDirectory() as empty:  # no stray modules in cwd
        proc = subprocess.run([exe, *flags, "-c", code, *extra], capture_output=True, text=True, cwd=empty,
                              timeout=120, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{exe} failed: {proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def module_name(filename: str, suffixes: list[str]) -> str | None:
    for suffix in suffixes:
        if filename.endswith(suffix) and len(filename) > len(suffix):
            return filename[: -len(suffix)]
    return None


def scan_dir(path: Path, probe: dict) -> dict[str, tuple[str, str]]:
    """Entries FileFinder would find directly in `path`: name -> (kind, detail)."""
    ext, src, byc = probe["ext_suffixes"], probe["source_suffixes"], probe["bytecode_suffixes"]
    all_suffixes = ext + src + byc
    try:
        entries = sorted(os.listdir(path))
    except OSError:
        return {}
    found: dict[str, tuple[int, str, str]] = {}  # name -> (priority, kind, detail); lower wins

    def offer(name: str, prio: int, kind: str, detail: str) -> None:
        if name not in found or prio < found[name][0]:
            found[name] = (prio, kind, detail)

    for entry in entries:
        full = path / entry
        if entry == "__pycache__":
            continue
        if full.is_dir():
            if not entry.isidentifier():
                continue  # site-packages, lib-dynload, config-3.X-..., dirs no import can name
            has_init = any((full / f"__init__{s}").is_file() for s in all_suffixes)
            offer(entry, 0 if has_init else 9, "p" if has_init else "n", "")
            continue
        for prio, kind, suffixes in ((1, "e", ext), (2, "s", src), (3, "b", byc)):
            name = module_name(entry, suffixes)
            if name is not None and "." not in name and name != "__init__":
                offer(name, prio, kind, entry if kind == "e" else "")
                break
    return {n: (k, d) for n, (_, k, d) in found.items()}


def walk_stdlib(stdlib: Path, dynload: Path, probe: dict) -> dict[str, tuple[str, str]]:
    modules: dict[str, tuple[str, str]] = {}
    top = scan_dir(stdlib, probe)
    for name, val in scan_dir(dynload, probe).items():
        # stdlib dir precedes lib-dynload on sys.path; a namespace portion loses
        # to a real module found in a later entry.
        if name not in top or top[name][0] == "n":
            top[name] = val

    def recurse(prefix: str, directory: Path) -> None:
        for name, (kind, detail) in scan_dir(directory, probe).items():
            dotted = f"{prefix}.{name}"
            modules[dotted] = (kind, detail)
            if kind in ("p", "n") and name not in TEST_DIRS:
                recurse(dotted, directory / name)

    for name, (kind, detail) in top.items():
        modules[name] = (kind, detail)
        if kind in ("p", "n") and name not in TEST_DIRS:
            recurse(name, stdlib / name)
    return modules


def swift_lines(names) -> str:
    return " ".join(sorted(names))


def render(minor: int, exe: str, probe: dict, modules: dict, startup: list[str],
           may_be_absent: list[str], layout: dict, aliases: list[str]) -> str:
    body = "\n".join(
        f"{name} {kind}{(':' + detail) if detail else ''}" for name, (kind, detail) in sorted(modules.items())
    )
    frozen = probe["frozen"]
    snm = probe["stdlib_module_names"]

    def text_block(content: str) -> str:
        return '#"""\n' + content + '\n"""#'

    return f'''// GENERATED FILE - DO NOT EDIT BY HAND.
// Made by scripts/generate-stdlib-tables.py from CPython {probe["version"]} ({exe}).
// Re-run the script to refresh; see its docstring for what is recorded and excluded.

extension StdlibTable {{
    /// Raw data for CPython {probe["version"]}. Space- or newline-separated, sorted; parsed once on first use.
    static let rawData3_{minor} = StdlibRawData(
        generatedFrom: "{probe["version"]}",
        cacheTag: "{probe["cache_tag"]}",
        extensionSuffixes: {json.dumps(probe["ext_suffixes"])},
        zipPath: "{layout["zip"]}",
        stdlibDirectory: "{layout["stdlib"]}",
        dynloadDirectory: "{layout["dynload"]}",
        sitePackagesDirectory: "{layout["site"]}",
        builtins: "{swift_lines(probe["builtins"])}",
        frozen: {'nil' if frozen is None else '"' + swift_lines(frozen) + '"'},
        startupModules: "{swift_lines(startup)}",
        registeredAliases: "{swift_lines(aliases)}",
        stdlibModuleNames: {'nil' if snm is None else text_block(swift_lines(snm))},
        mayBeAbsent: "{swift_lines(may_be_absent)}",
        // One module per line: dotted name, then kind: p = package, n = namespace package,
        // s = source (.py), b = bytecode only, e:<file> = extension module file.
        modules: {text_block(body)}
    )
}}
'''


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", action="append", default=[], metavar="3.X=PATH")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args()
    overrides = {}
    for item in args.python:
        ver, _, path = item.partition("=")
        overrides[int(ver.split(".")[1])] = path

    args.out_dir.mkdir(parents=True, exist_ok=True)
    generated = []
    for minor in MINORS:
        exe = find_interpreter(minor, overrides)
        if exe is None:
            print(f"3.{minor}: no interpreter found, table not regenerated", file=sys.stderr)
            continue
        probe = run_json(exe, PROBE, json.dumps(FROZEN_CANDIDATES))
        if probe["frozen_source"] != "_imp._frozen_module_names()":
            # Complete the pre-3.11 frozen list by asking about every stdlib module too.
            walked = walk_stdlib(Path(probe["stdlib"]), Path(probe["stdlib"]) / "lib-dynload", probe)
            probe = run_json(exe, PROBE, json.dumps(sorted(set(FROZEN_CANDIDATES) | set(walked))))
        prefix = Path(probe["prefix"])
        stdlib = Path(probe["stdlib"])
        dynload = stdlib / "lib-dynload"
        zips = [p for p in probe["path"] if p.endswith(".zip")]
        layout = {
            "zip": os.path.relpath(zips[0], prefix) if zips else f"lib/python3{minor}.zip",
            "stdlib": os.path.relpath(stdlib, prefix),
            "dynload": os.path.relpath(dynload, prefix),
            "site": os.path.relpath(probe["purelib"], prefix),
        }
        modules = walk_stdlib(stdlib, dynload, probe)
        known_top = {n for n in modules if "." not in n} | set(probe["builtins"]) | {
            f.split(".")[0] for f in (probe["frozen"] or [])}
        raw_startup = run_json(exe, STARTUP_PROBE, no_site=True)
        stdlib_like = known_top | {"__main__"}
        startup = sorted(m for m in raw_startup if m.split(".")[0] in stdlib_like)
        dropped = sorted(set(raw_startup) - set(startup))
        importable_tops = sorted(n for n in known_top if n not in NO_IMPORT and n.isidentifier())
        loaded = run_json(exe, ALIAS_PROBE, json.dumps(importable_tops), no_site=True)
        aliases = sorted(m for m in loaded if m not in modules and m not in set(probe["frozen"] or [])
                         and m.split(".")[0] in known_top)
        snm = set(probe["stdlib_module_names"] or [])
        may_be_absent = sorted(snm - known_top)
        not_linux = sorted(n for n in may_be_absent if n in NOT_LINUX)
        optional = sorted(n for n in may_be_absent if n not in NOT_LINUX)
        missing_from_snm = sorted(n for n in known_top if snm and n not in snm)

        out = args.out_dir / f"StdlibData3_{minor}.swift"
        out.write_text(render(minor, exe, probe, modules, startup, may_be_absent, layout, aliases), encoding="utf-8")
        generated.append(minor)
        kinds = {}
        for k, _ in modules.values():
            kinds[k] = kinds.get(k, 0) + 1
        print(f"3.{minor} ({probe['version']}, {exe}): {len(modules)} modules "
              f"({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))}), "
              f"{len(known_top)} top-level, {len(probe['builtins'])} builtin, "
              f"{len(probe['frozen'] or [])} frozen ({probe['frozen_source']}), {len(startup)} at start-up", file=sys.stderr)
        if dropped:
            print(f"    start-up modules not from the stdlib (dropped): {' '.join(dropped)}", file=sys.stderr)
        if snm:
            print(f"    stdlib_module_names: {len(snm)}; absent here, Windows/macOS only: {' '.join(not_linux)}",
                  file=sys.stderr)
            print(f"    absent here, optional extension not built (may be absent): {' '.join(optional) or '-'}",
                  file=sys.stderr)
            print(f"    top-level files not in stdlib_module_names: {' '.join(missing_from_snm) or '-'}",
                  file=sys.stderr)

    index = args.out_dir / "StdlibDataIndex.swift"
    cases = "\n".join(f"        case {m}: return parsed3_{m}" for m in generated)
    lets = "\n".join(f"    private static let parsed3_{m} = StdlibTable(raw: rawData3_{m})" for m in generated)
    index.write_text(f'''// GENERATED FILE - DO NOT EDIT BY HAND.
// Made by scripts/generate-stdlib-tables.py: the list of generated tables.

extension StdlibTable {{
    /// Minor versions of Python 3 that have a generated table.
    public static let supportedMinors: [Int] = {json.dumps(generated)}

    // Parsed lazily (a static let is initialised once, thread-safely, on first use).
{lets}

    static func generatedTable(minor: Int) -> StdlibTable? {{
        switch minor {{
{cases}
        default: return nil
        }}
    }}
}}
''', encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
