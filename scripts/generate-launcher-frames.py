#!/usr/bin/env python3
"""Regenerate Sources/Runtime/LauncherFramesData.swift: the traceback frames that uvicorn,
gunicorn and `flask run` add above an app's own frames, per CPython 3.8-3.13, recorded by
running the real launchers.

For each pyenv interpreter (~/.pyenv/versions/3.X.Y/bin/python3.X) the script creates a venv
under ~/.cache/railsim/launcher-frames/, pip-installs each launcher at the version railsim's
distribution catalogue has (Sources/Build/Python/DistributionCatalogData.swift) together with the
catalogued click, and runs each launcher from a throwaway project on:
  body         `top:app`        top.py's body raises ModuleNotFoundError (line 2)
  parentbody   `badpkg.main:app` badpkg/__init__.py raises
  parentmissing `nopkg.main:app` the parent package does not exist
  submissing   `pkg.nosuch:app`  the parent exists, the submodule does not
  missing      `nosuch:app`      the top-level module does not exist
gunicorn binds 127.0.0.1:0 only; every run exits by itself at import time (timeout 60 s).

Recorded per (launcher, python): the frames above the first importlib frame (file relative to
{site}/{stdlib}/{bin}, line, function, the rendered source and caret lines verbatim), and per
python the importlib._bootstrap frames of each step, so railsim can compose any chain depth.
A launcher that cannot be installed on an interpreter (Requires-Python) is recorded as such.

Usage: python3 scripts/generate-launcher-frames.py   (network access to PyPI needed)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "Sources/Build/Python/DistributionCatalogData.swift")
OUT = os.path.join(ROOT, "Sources/Runtime/LauncherFramesData.swift")
CACHE = os.path.expanduser("~/.cache/railsim/launcher-frames")
PYTHONS = ["3.8.18", "3.9.18", "3.10.13", "3.11.7", "3.12.1", "3.13.0"]
LAUNCHERS = ["uvicorn", "gunicorn", "flask"]
SCENARIOS = {"body": "top", "parentbody": "badpkg.main", "parentmissing": "nopkg.main", "submissing": "pkg.nosuch", "missing": "nosuch"}


def catalogue_versions():
    versions = {}
    with open(CATALOG, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split("\t")
            if len(fields) > 2 and fields[0] in LAUNCHERS + ["click"]:
                versions[fields[0]] = fields[1]
    return versions


def venv_for(version, launcher, pins):
    minor = version.rsplit(".", 1)[0]
    python = os.path.expanduser(f"~/.pyenv/versions/{version}/bin/python{minor}")
    if not os.path.exists(python):
        return None, "no interpreter"
    path = os.path.join(CACHE, f"{version}-{launcher}-{pins[launcher]}")
    marker = os.path.join(path, ".railsim-ok")
    if os.path.exists(marker):
        return path, open(marker).read().strip()
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run([python, "-m", "venv", path], check=True)
    pip = [os.path.join(path, "bin", "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    done = subprocess.run(pip + [f"{launcher}=={pins[launcher]}", f"click=={pins['click']}"], capture_output=True, text=True)
    if done.returncode != 0:
        done = subprocess.run(pip + [f"{launcher}=={pins[launcher]}"], capture_output=True, text=True)
    if done.returncode != 0:
        shutil.rmtree(path, ignore_errors=True)
        return None, "not installable"
    click = subprocess.run([os.path.join(path, "bin", "python"), "-c", "import click,importlib.metadata as m;print(m.version('click'))"],
                           capture_output=True, text=True).stdout.strip()
    with open(marker, "w") as handle:
        handle.write(f"click={click}")
    return path, f"click={click}"


def make_project(directory):
    os.makedirs(os.path.join(directory, "pkg"))
    os.makedirs(os.path.join(directory, "badpkg"))
    files = {"pkg/__init__.py": "", "badpkg/__init__.py": "import nosuchdep\n", "badpkg/main.py": "app = 1\n", "top.py": "import os\nimport nosuchdep\n"}
    for name, text in files.items():
        with open(os.path.join(directory, name), "w") as handle:
            handle.write(text)


def run(launcher, venv, project, module):
    binary = os.path.join(venv, "bin", launcher)
    if launcher == "uvicorn":
        argv = [binary, f"{module}:app"]
    elif launcher == "gunicorn":
        argv = [binary, "-b", "127.0.0.1:0", f"{module}:app"]
    else:
        argv = [binary, "--app", module, "run", "--host", "127.0.0.1", "--port", "0"]
    env = {"PATH": os.path.join(venv, "bin") + ":/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": project}
    done = subprocess.run(argv, cwd=project, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    return done.returncode, done.stderr


FILE = re.compile(r'^  File "(.*)", line (\d+), in (.*)$')


def frames_of(stderr):
    """The first traceback in stderr as [(file, line, function, [rendered lines])]."""
    lines = stderr.split("\n")
    try:
        start = lines.index("Traceback (most recent call last):")
    except ValueError:
        return []
    frames = []
    for line in lines[start + 1:]:
        match = FILE.match(line)
        if match:
            frames.append([match.group(1), int(match.group(2)), match.group(3), []])
        elif line.startswith("    ") and frames:
            frames[-1][3].append(line)
        else:
            break
    return frames


def relative(path, venv, stdlib, project):
    for prefix, token in ((os.path.realpath(venv) + "/bin/", "{bin}/"), (venv + "/bin/", "{bin}/"), (stdlib + "/", "{stdlib}/"), (project + "/", "{cwd}/")):
        if path.startswith(prefix):
            return token + path[len(prefix):]
    site = re.match(r"^.*/lib/python3\.\d+/site-packages/(.*)$", path)
    if site:
        return "{site}/" + site.group(1)
    return path


def main():
    pins = catalogue_versions()
    records = []
    bootstrap = {}
    for version in PYTHONS:
        minor = version.rsplit(".", 1)[0]
        stdlib = os.path.expanduser(f"~/.pyenv/versions/{version}/lib/python{minor}")
        for launcher in LAUNCHERS:
            venv, detail = venv_for(version, launcher, pins)
            if venv is None:
                records.append(f"! {launcher} {pins[launcher]} {version} {detail}")
                print(f"{launcher} {pins[launcher]} on {version}: {detail}", file=sys.stderr)
                continue
            project = tempfile.mkdtemp(prefix="railsim-launcher-")
            try:
                make_project(project)
                records.append(f"@ {launcher} {pins[launcher]} {version} {detail}")
                for scenario, module in SCENARIOS.items():
                    code, stderr = run(launcher, venv, project, module)
                    frames = frames_of(stderr)
                    launcher_frames = []
                    for file, line, function, rendered in frames:
                        if file.startswith("<frozen") or file.startswith(project + "/"):
                            break
                        launcher_frames.append((relative(file, venv, stdlib, project), line, function, rendered))
                    boot = [f for f in frames if f[0].startswith("<frozen")]
                    if boot:
                        bootstrap.setdefault(version, {})[scenario] = [(f[0], f[1], f[2]) for f in boot]
                    records.append(f"s {scenario} {code}")
                    if scenario == "body":
                        for file, line, function, rendered in launcher_frames:
                            records.append(f"F {file}\t{line}\t{function}")
                            records.extend("| " + text for text in rendered)
            finally:
                shutil.rmtree(project, ignore_errors=True)
    for version, scenarios in bootstrap.items():
        for scenario, frames in sorted(scenarios.items()):
            records.append(f"B {version} {scenario} " + " ".join(f"{'x' if 'external' in f[0] else 'b'}:{f[1]}:{f[2]}" for f in frames))
    body = "\n".join(records)
    if '"""' in body:
        raise SystemExit("unexpected triple quote in recorded frames")
    header = (
        "// Generated by scripts/generate-launcher-frames.py; do not edit.\n"
        f"// Launchers: {', '.join(f'{name} {pins[name]}' for name in LAUNCHERS)} (click {pins['click']} where installable);"
        f" CPython {', '.join(PYTHONS)}.\n"
        "// Lines: `@ launcher version python click=X` starts a record (`!` = not installable there);\n"
        "// `s scenario exitcode`; `F file<TAB>line<TAB>function` + `| rendered source/caret line` are the\n"
        "// launcher's frames above importlib for a nested failure; `B python scenario kind:line:function…`\n"
        "// are the <frozen importlib._bootstrap> (b) / _bootstrap_external (x) frames of each scenario.\n"
    )
    swift = header + "\nextension LauncherFrames {\n    static let data = #\"\"\"\n" + body + "\n\"\"\"#\n}\n"
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write(swift)
    print(f"wrote {OUT}: {len(records)} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
