#!/usr/bin/env python3
"""Generate Sources/Runtime/DjangoFrameTableData.swift: the traceback frames Django itself adds
when `python manage.py <command>` fails at start-up, per CPython minor version.

For the Django version railsim's distribution catalogue installs (read from
Sources/Build/Python/DistributionCatalogData.swift), the script installs that Django from PyPI into
a temporary venv for each CPython 3.8-3.13 found under ~/.pyenv/versions (the `python3.X` names on
PATH are pyenv shims and are not used), builds a small project with `django-admin startproject`,
breaks it in one way at a time and records the traceback verbatim:

  app        INSTALLED_APPS names a module that does not exist
  settings   DJANGO_SETTINGS_MODULE names a module that does not exist
  urlconf    ROOT_URLCONF names a module that does not exist

for the commands `migrate` and `check`. Django's frames (from `execute_from_command_line` down to,
not including, `importlib/__init__.py`) are stored per (minor, command, scenario), with the
site-packages directory replaced by `{site}`. The importlib frames that follow are stored per
(minor, shape), with the stdlib directory replaced by `{stdlib}`:

  missing        import_module("x") where x does not exist (or "pkg.x" where pkg exists)
  missingParent  import_module("pkg.x") where pkg does not exist
  body           import_module("x") where x exists and its body raises

Versions whose interpreter is missing, or that this Django does not support, are skipped and
listed in the generated file. Usage: python3 scripts/generate-django-frames.py
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "Sources/Build/Python/DistributionCatalogData.swift")
OUT = os.path.join(ROOT, "Sources/Runtime/DjangoFrameTableData.swift")
PYENV = os.path.expanduser("~/.pyenv/versions")
FRAME = re.compile(r'^  File "(.*)", line (\d+), in (.*)$')


def django_version() -> str:
    with open(CATALOG, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split("\t")
            if fields[0] == "django":
                return fields[1]
    raise SystemExit("django is not in the distribution catalogue")


def interpreters():
    found = {}
    for name in sorted(os.listdir(PYENV)) if os.path.isdir(PYENV) else []:
        match = re.fullmatch(r"3\.(\d+)\.(\d+)", name)
        if not match or not 8 <= int(match.group(1)) <= 13:
            continue
        exe = os.path.join(PYENV, name, "bin", "python3." + match.group(1))
        if os.path.exists(exe):
            found[int(match.group(1))] = (name, exe)
    return found


def parse_frames(stderr: str):
    """[(file, line, function, [printed lines])] of the last traceback, and the exception line."""
    lines = stderr.rstrip("\n").split("\n")
    start = max(i for i, line in enumerate(lines) if line == "Traceback (most recent call last):")
    frames = []
    for line in lines[start + 1:-1]:
        match = FRAME.match(line)
        if match:
            frames.append([match.group(1), int(match.group(2)), match.group(3), []])
        elif frames:
            frames[-1][3].append(line)
    return frames, lines[-1]


def run(python, project, command, env_extra=None):
    env = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "LANG": "C.UTF-8"}
    env.update(env_extra or {})
    done = subprocess.run([python, "manage.py", command], cwd=project, env=env, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stderr


def main() -> int:
    version = django_version()
    table = {"prefix": {}, "tail": {}, "patch": {}, "skipped": []}
    work = tempfile.mkdtemp(prefix="railsim-django-frames-")
    try:
        for minor, (full, exe) in sorted(interpreters().items()):
            venv = os.path.join(work, "venv" + str(minor))
            subprocess.run([exe, "-m", "venv", venv], check=True)
            python = os.path.join(venv, "bin", "python")
            installed = subprocess.run([python, "-m", "pip", "install", "-q", "django==" + version], capture_output=True, text=True)
            if installed.returncode != 0:
                table["skipped"].append("3.%d (%s): django %s does not install" % (minor, full, version))
                continue
            site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip()
            stdlib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                                    capture_output=True, text=True, check=True).stdout.strip()
            table["patch"][minor] = int(full.split(".")[2])
            project = os.path.join(work, "proj%d" % minor)
            subprocess.run([os.path.join(venv, "bin", "django-admin"), "startproject", "mysite", project], check=True)
            settings_file = os.path.join(project, "mysite", "settings.py")
            with open(settings_file, encoding="utf-8") as handle:
                original = handle.read()
            os.makedirs(os.path.join(project, "brokenapp"))
            with open(os.path.join(project, "brokenapp", "__init__.py"), "w", encoding="utf-8") as handle:
                handle.write("import nosuchdep\n")

            def record(settings_text, env_extra, command):
                with open(settings_file, "w", encoding="utf-8") as handle:
                    handle.write(settings_text)
                status, stderr = run(python, project, command, env_extra)
                assert status == 1, (minor, command, stderr)
                return parse_frames(stderr)

            def split(frames):
                """Django frames, importlib frames, user frames after them."""
                first = next(i for i, f in enumerate(frames) if f[0].startswith(site + "/django/"))
                lib = next(i for i, f in enumerate(frames) if f[0] == stdlib + "/importlib/__init__.py")
                user = next((i for i in range(lib, len(frames)) if not frames[i][0].startswith("<frozen") and i != lib), len(frames))
                return frames[first:lib], frames[lib:user]

            def templated(frames):
                out = []
                for file, line, function, printed in frames:
                    file = file.replace(site, "{site}").replace(stdlib, "{stdlib}")
                    out.append({"file": file, "line": line, "function": function, "printed": printed})
                return out

            app = original.replace("'django.contrib.staticfiles',", "'django.contrib.staticfiles',\n    'nosuchapp',")
            urlconf = original.replace("ROOT_URLCONF = 'mysite.urls'", "ROOT_URLCONF = 'nosuchurls'")
            body = original.replace("'django.contrib.staticfiles',", "'django.contrib.staticfiles',\n    'brokenapp',")
            for command in ("migrate", "check"):
                for scenario, text, env in (("app", app, None), ("urlconf", urlconf, None),
                                            ("settings", original, {"DJANGO_SETTINGS_MODULE": "nosuchsettings"})):
                    frames, _ = record(text, env, command)
                    django, tail = split(frames)
                    table["prefix"]["%d/%s/%s" % (minor, command, scenario)] = templated(django)
                    if scenario == "app" and command == "migrate":
                        table["tail"]["%d/missing" % minor] = templated(tail)
            frames, _ = record(original, {"DJANGO_SETTINGS_MODULE": "nosuchpkg.settings"}, "check")
            table["tail"]["%d/missingParent" % minor] = templated(split(frames)[1])
            frames, _ = record(body, None, "check")
            table["tail"]["%d/body" % minor] = templated(split(frames)[1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write_swift(version, table)
    return 0


def swift_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\\u00", "\\u{00")


def write_swift(version, table):
    def frames_literal(frames, indent):
        pad = " " * indent
        rows = []
        for f in frames:
            printed = ", ".join(swift_string(p) for p in f["printed"])
            rows.append('%s.init(file: %s, line: %d, function: %s, printed: [%s]),' % (pad, swift_string(f["file"]), f["line"], swift_string(f["function"]), printed))
        return "\n".join(rows)

    out = ["// Generated by scripts/generate-django-frames.py: do not edit.",
           "// Django's own traceback frames for start-up failures of `python manage.py <command>`,",
           "// recorded verbatim from Django %s on the CPython releases listed in `patches`." % version, ""]
    for skipped in table["skipped"]:
        out.append("// skipped: " + skipped)
    out += ["", "extension DjangoFrameTable {", "    static let djangoVersion = %s" % swift_string(version), ""]
    out.append("    static let patches: [Int: Int] = [%s]" % ", ".join("%d: %d" % kv for kv in sorted(table["patch"].items())) if table["patch"] else "    static let patches: [Int: Int] = [:]")
    out.append("")
    for name in ("prefix", "tail"):
        out.append("    static let %s: [String: [Frame]] = [" % ("prefixes" if name == "prefix" else "importlibTails"))
        for key in sorted(table[name]):
            out.append("        %s: [" % swift_string(key))
            out.append(frames_literal(table[name][key], 12))
            out.append("        ],")
        if not table[name]:
            out.append("        :")
        out.append("    ]")
        out.append("")
    out.append("}")
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write("\n".join(out) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    sys.exit(main())
