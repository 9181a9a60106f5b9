#!/usr/bin/env python3
"""What real pip puts into site-packages when it installs a project itself, for railsim's oracle test.

Usage: project-install-oracle.py FIXTURES_DIR CACHE_DIR [CASE ...]

FIXTURES_DIR holds one small project per directory (Tests/BuildTests/ProjectInstallData). For
each project and each mode (regular `pip install --no-deps DIR`, editable `pip install --no-deps
-e DIR`) this script copies the project under CACHE_DIR and installs it with the pip of a venv that
holds pinned build backends (created once in CACHE_DIR; `--no-build-isolation` so no backend is
downloaded per case) into a fresh `--target` directory, which stands for site-packages (`.pth`
files are processed with site.addsitedir), and reports, as JSON on stdout, one object per case:

  case, mode         the fixture directory and "regular" or "editable"
  ok                 whether pip succeeded
  output             pip's combined output when it failed (the backend's error is in it)
  entries            top-level names in the target directory (no __pycache__), sorted
  pth                {file name: [lines]} of the new .pth files
  mapping            {name: path} of a setuptools editable finder's MAPPING, if one was written
  imports            {name: module.__file__ or "ImportError: ..."} for the fixture's
                     [tool.railsim-fixture] imports, imported from a neutral working directory

The project's path is replaced by "<project>" everywhere. The answer is saved in CACHE_DIR under a
hash of the pins, this script and the fixtures, and reused while none of them changes. Nothing but the fixtures is built, and the
only network use is the one-time download of the pinned backends into the venv.
"""
import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor

# The build backends the fixtures are checked against (pip's own version comes with the venv).
PINS = [
    "setuptools==84.2.1", "hatchling==1.33.0", "editables==0.5", "poetry-core==2.5.0",
    "flit-core==4.2.0", "uv-build==0.13.6", "pdm-backend==2.5.0",
]


def run(argv, **kwargs):
    return subprocess.run(argv, capture_output=True, text=True, **kwargs)


def ensure_venv(cache: str) -> str:
    venv = os.path.join(cache, "venv-py%d.%d" % sys.version_info[:2])
    python = os.path.join(venv, "bin", "python")
    marker = os.path.join(venv, "railsim-pins.txt")
    if os.path.exists(marker) and open(marker, encoding="utf-8").read() == "\n".join(PINS):
        return python
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, capture_output=True)
    done = run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                "--cache-dir", os.path.join(cache, "pip-cache")] + PINS)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        sys.exit(3)
    with open(marker, "w", encoding="utf-8") as handle:
        handle.write("\n".join(PINS))
    return python


def finder_mapping(path: str) -> dict:
    """The literal MAPPING of a setuptools editable finder module (read, not run)."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == "MAPPING" and node.value is not None:
            return ast.literal_eval(node.value)
    return {}


def observe(python: str, fixtures: str, cache: str, case: str, mode: str) -> dict:
    """Installs one fixture in one mode into its own --target directory and reports it."""
    source = os.path.join(fixtures, case)
    with open(os.path.join(source, "pyproject.toml"), "rb") as handle:
        config = tomllib.load(handle)
    imports = config.get("tool", {}).get("railsim-fixture", {}).get("imports", [])
    work = os.path.join(cache, "cases", f"{case}-{mode}")
    shutil.rmtree(work, ignore_errors=True)
    project, site, neutral = os.path.join(work, "project"), os.path.join(work, "site"), os.path.join(work, "neutral")
    shutil.copytree(source, project)
    os.makedirs(neutral)
    argv = [python, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index", "--target", site,
            "--disable-pip-version-check", "--no-warn-script-location", "--no-compile"]
    argv += ["-e", project] if mode == "editable" else [project]
    # uv_build's hook runs the `uv-build` executable found on PATH (uv_build/__init__.py `call`).
    done = run(argv, env={**os.environ, "PATH": os.path.dirname(python) + os.pathsep + os.environ.get("PATH", "")})
    new = sorted(name for name in os.listdir(site) if name != "__pycache__") if os.path.isdir(site) else []

    def normal(text: str) -> str:
        return text.replace(project, "<project>").replace(site, "<site>")

    result = {"case": case, "mode": mode, "ok": done.returncode == 0, "entries": new, "pth": {}, "mapping": {}, "imports": {}}
    if done.returncode != 0:
        result["output"] = normal(done.stdout + done.stderr)
    for entry in new:
        path = os.path.join(site, entry)
        if entry.endswith(".pth"):
            with open(path, encoding="utf-8") as handle:
                result["pth"][entry] = [normal(line) for line in handle.read().splitlines()]
        if entry.startswith("__editable__") and entry.endswith("_finder.py"):
            result["mapping"] = {key: normal(value) for key, value in finder_mapping(path).items()}
    for module in imports:
        # site.addsitedir processes the target's .pth files as a site directory would.
        code = f"import site; site.addsitedir({site!r}); import {module}; print({module}.__file__)"
        probe = run([python, "-S", "-c", code], cwd=neutral)
        text = probe.stdout.strip() if probe.returncode == 0 else probe.stderr.strip().splitlines()[-1]
        result["imports"][module] = normal(text)
    return result


def main() -> int:
    fixtures, cache = sys.argv[1], sys.argv[2]
    only = set(sys.argv[3:])
    os.makedirs(cache, exist_ok=True)
    # pip's answer depends only on the pinned backends, this script and the fixtures: reuse it.
    digest = hashlib.sha256("\n".join(PINS).encode())
    digest.update(open(__file__, "rb").read())
    for directory, _, names in sorted(os.walk(fixtures)):
        for name in sorted(names):
            path = os.path.join(directory, name)
            digest.update(os.path.relpath(path, fixtures).encode() + b"\0" + open(path, "rb").read())
    saved = os.path.join(cache, f"result-{digest.hexdigest()[:16]}{'-' + '-'.join(sorted(only)) if only else ''}.json")
    if os.path.exists(saved):
        sys.stdout.write(open(saved, encoding="utf-8").read())
        return 0
    python = ensure_venv(cache)
    jobs = [(case, mode) for case in sorted(os.listdir(fixtures)) if os.path.isdir(os.path.join(fixtures, case))
            and (not only or case in only) for mode in ("regular", "editable")]
    # Each case has its own --target directory, so installs run side by side.
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda job: observe(python, fixtures, cache, *job), jobs))
    text = json.dumps(results, indent=1, sort_keys=True)
    with open(saved, "w", encoding="utf-8") as handle:
        handle.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
