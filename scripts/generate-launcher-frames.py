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
OTHER_PYTHONS = ["3.10.13", "3.11.7", "3.12.1", "3.13.0"]
LAUNCHERS = ["uvicorn", "gunicorn", "flask"]
SCENARIOS = {"body": "top", "parentbody": "badpkg.main", "parentmissing": "nopkg.main", "submissing": "pkg.nosuch", "missing": "nosuch"}
# The other launchers, pinned here (railsim's catalogue does not list them all): console script,
# distribution, version. Scenarios: body (`top:app`), missing (`nosuch:app`), attr (`okmod:nothere`).
OTHERS = [("waitress-serve", "waitress", "3.0.2"), ("daphne", "daphne", "4.2.3"), ("hypercorn", "hypercorn", "0.18.0"),
          ("celery", "celery", "5.7.0"), ("fastapi", "fastapi-cli", "0.0.34")]
OTHER_SCENARIOS = {"body": "top", "missing": "nosuch", "attr": "okmod"}
# Extra pins installed with a launcher (fastapi run needs fastapi and uvicorn).
EXTRAS = {"fastapi-cli": ["fastapi==0.165.0", "uvicorn==0.54.0"]}


def catalogue_versions():
    versions = {}
    with open(CATALOG, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split("\t")
            if len(fields) > 2 and fields[0] in LAUNCHERS + ["click"]:
                versions[fields[0]] = fields[1]
    return versions


def venv_for(version, launcher, pins, extras=()):
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
    done = subprocess.run(pip + [f"{launcher}=={pins[launcher]}", f"click=={pins['click']}", *extras], capture_output=True, text=True)
    if done.returncode != 0:
        done = subprocess.run(pip + [f"{launcher}=={pins[launcher]}", *extras], capture_output=True, text=True)
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
    files = {"pkg/__init__.py": "", "badpkg/__init__.py": "import nosuchdep\n", "badpkg/main.py": "app = 1\n", "top.py": "import os\nimport nosuchdep\n",
             "okmod.py": "app = 1\n"}
    for name, text in files.items():
        with open(os.path.join(directory, name), "w") as handle:
            handle.write(text)


def run(launcher, venv, project, module):
    binary = os.path.join(venv, "bin", launcher)
    if launcher == "uvicorn":
        argv = [binary, f"{module}:app"]
    elif launcher == "gunicorn":
        argv = [binary, "-b", "127.0.0.1:0", f"{module}:app"]
    elif launcher == "flask":
        argv = [binary, "--app", module, "run", "--host", "127.0.0.1", "--port", "0"]
    elif launcher == "waitress-serve":
        argv = [binary, "--listen=127.0.0.1:0", f"{module}:app" if module != "okmod" else "okmod:nothere"]
    elif launcher == "daphne":
        argv = [binary, "-b", "127.0.0.1", "-p", "0", f"{module}:app" if module != "okmod" else "okmod:nothere"]
    elif launcher == "hypercorn":
        argv = [binary, "-b", "127.0.0.1:0", f"{module}:app" if module != "okmod" else "okmod:nothere"]
    elif launcher == "celery":
        argv = [binary, "-A", f"{module}" if module != "okmod" else "okmod:nothere", "worker"]
    else:
        argv = [binary, "run", "--host", "127.0.0.1", "--port", "0", f"{module}.py", *(["--app", "nothere"] if module == "okmod" else [])]
    env = {"PATH": os.path.join(venv, "bin") + ":/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": project}
    try:
        done = subprocess.run(argv, cwd=project, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as expired:
        return "timeout", (expired.stderr or b"").decode("utf-8", "replace")
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


def blocks_of(stderr):
    """Every traceback in stderr (chained ones too), as lists of frames."""
    lines = stderr.split("\n")
    blocks = []
    for index, line in enumerate(lines):
        if line == "Traceback (most recent call last):":
            blocks.append(frames_of("\n".join(lines[index:])))
    return blocks


def normalise(stderr, venv, stdlib, project):
    """The stderr with only what varies per run replaced: paths, pids, timestamps."""
    text = stderr.replace(os.path.realpath(venv) + "/bin/", "{bin}/").replace(venv + "/bin/", "{bin}/")
    text = re.sub(r"/[^\s\"']*/lib/python3\.\d+/site-packages/", "{site}/", text)
    text = text.replace(stdlib + "/", "{stdlib}/").replace(project + "/", "{cwd}/").replace(project, "{cwd}")
    text = re.sub(r"SpawnProcess-\d+", "SpawnProcess-{n}", text)
    return text


def record_others(version, stdlib, records):
    """waitress-serve, daphne, hypercorn, celery -A, fastapi run: exit code per scenario, the
    launcher frames of every traceback block (`k N` starts block N), and `T` the whole stderr."""
    for script, distribution, pinned in OTHERS:
        pins = {distribution: pinned, "click": catalogue_versions().get("click", "8.5.1")}
        venv, detail = venv_for(version, distribution, pins, EXTRAS.get(distribution, ()))
        if venv is None:
            records.append(f"! {script} {pinned} {version} {detail}")
            print(f"{script} {pinned} on {version}: {detail}", file=sys.stderr)
            continue
        project = tempfile.mkdtemp(prefix="railsim-launcher-")
        try:
            make_project(project)
            records.append(f"@ {script} {pinned} {version} {detail}")
            for scenario, module in OTHER_SCENARIOS.items():
                code, stderr = run(script, venv, project, module)
                records.append(f"s {scenario} {code}")
                for number, frames in enumerate(blocks_of(stderr)):
                    records.append(f"k {number}")
                    for file, line, function, rendered in frames:
                        if file.startswith("<frozen") or file.startswith(project + "/"):
                            continue
                        records.append(f"F {relative(file, venv, stdlib, project)}\t{line}\t{function}")
                        records.extend("| " + text for text in rendered)
                records.extend("T " + line for line in normalise(stderr, venv, stdlib, project).split("\n"))
        finally:
            shutil.rmtree(project, ignore_errors=True)


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
        if version in OTHER_PYTHONS:
            record_others(version, stdlib, records)
    for version, scenarios in bootstrap.items():
        for scenario, frames in sorted(scenarios.items()):
            records.append(f"B {version} {scenario} " + " ".join(f"{'x' if 'external' in f[0] else 'b'}:{f[1]}:{f[2]}" for f in frames))
    body = "\n".join(records)
    if '"""#' in body:
        raise SystemExit("unexpected raw-string terminator in recorded frames")
    header = (
        "// Generated by scripts/generate-launcher-frames.py; do not edit.\n"
        f"// Launchers: {', '.join(f'{name} {pins[name]}' for name in LAUNCHERS)} (click {pins['click']} where installable);"
        f" CPython {', '.join(PYTHONS)}.\n"
        "// Lines: `@ launcher version python click=X` starts a record (`!` = not installable there);\n"
        "// `s scenario exitcode`; `F file<TAB>line<TAB>function` + `| rendered source/caret line` are the\n"
        "// launcher's frames above importlib for a nested failure; `B python scenario kind:line:function…`\n"
        "// are the <frozen importlib._bootstrap> (b) / _bootstrap_external (x) frames of each scenario.\n"
        f"// Others: {', '.join(f'{s} ({d} {v})' for s, d, v in OTHERS)} on CPython {', '.join(OTHER_PYTHONS)}: per scenario\n"
        "// `k N` starts traceback block N (its F frames: launcher/stdlib only), `T line` the whole stderr, normalised.\n"
    )
    swift = header + "\nextension LauncherFrames {\n    static let data = #\"\"\"\n" + body + "\n\"\"\"#\n}\n"
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write(swift)
    print(f"wrote {OUT}: {len(records)} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
