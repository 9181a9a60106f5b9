#!/usr/bin/env python3
"""Run the real CPython on an image tree railsim materialised, for railsim's oracle tests.

Input: a JSON spec (path as the only argument) with
  root        temp directory holding the image tree (image path /x is root + /x)
  python      path of the host interpreter of the image's minor version
  venv        image path of a venv to create with that interpreter (the image's own venv, or the
              interpreter prefix such as /usr/local, which gives the same bin/ and site-packages/)
  argv        the program's argv as the image would run it (argv[0] as typed, e.g. "python")
  executable  image path of the interpreter to run (e.g. /usr/local/bin/python)
  cwd         image working directory
  env         environment (image paths; PYTHONPATH entries are rebased onto root)
  probe       image directory in which to drop a sys.path probe script, or null
  probeModule true to run the probe as `-m` from the cwd instead of as a script (optional)
  prefix      the image interpreter's prefix (e.g. /usr/local); the host interpreter's
              sys.base_prefix is mapped back to it in stderr and sys.path (optional)
  systemSite  true to create the venv with --system-site-packages (optional)
  userSite    true to leave the user site on: HOME is the image's (rebased), PYTHONNOUSERSITE only
              if the image sets it; the venv sees the system site so site.py keeps the user site (optional)
  shell       argv of the start command's shell (e.g. ["/bin/sh", "-c", "cd sub && python main.py"]),
              run instead of argv from shellCwd; absolute image paths in it are not rebased (optional)
  probeFlags  interpreter options to give the probe too, e.g. ["-I"] (optional)
  probeCommand true to run the probe as `-c` in the cwd (optional; probe names the cwd)
Output (stdout, JSON): exitCode, stderr (root prefix removed), sysPath (from the probe, rebased).
Nothing from the repository is run anywhere but inside this throwaway tree, with no network use.
"""
import json
import os
import subprocess
import sys


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    root = spec["root"].rstrip("/")

    def rebase(path: str) -> str:
        return root + path if path.startswith("/") else path

    venv = rebase(spec["venv"])
    if not os.path.exists(os.path.join(venv, "pyvenv.cfg")):
        system = ["--system-site-packages"] if spec.get("systemSite") or spec.get("userSite") else []
        subprocess.run([spec["python"], "-m", "venv", "--without-pip"] + system + [venv], check=True)
    env = {"PYTHONNOUSERSITE": "1", "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "HOME": root + "/root", "LANG": "C.UTF-8"}
    for key, value in spec["env"].items():
        if key == "PYTHONPATH":
            value = ":".join(rebase(part) for part in value.split(":"))
        if key in ("PATH", "HOME", "PYTHONHOME", "VIRTUAL_ENV"):
            continue
        env[key] = value
    if spec.get("userSite"):
        env.pop("PYTHONNOUSERSITE")
        if "PYTHONNOUSERSITE" in spec["env"]:
            env["PYTHONNOUSERSITE"] = spec["env"]["PYTHONNOUSERSITE"]
        env["HOME"] = rebase(spec["env"].get("HOME", "/root"))
    env["PATH"] = os.path.dirname(rebase(spec["executable"])) + ":/usr/bin:/bin"
    # Every absolute argument is an image path (script paths under any WORKDIR, not just /app).
    argv = [spec["argv"][0]] + [rebase(arg) for arg in spec["argv"][1:]]
    if argv[0].startswith("/"):
        # CPython derives sys.executable (and so the venv and prefix) from an argv[0] with a slash.
        argv[0] = rebase(argv[0])
    cwd = rebase(spec["cwd"])
    # This runner runs on the same host interpreter, so its sys.base_prefix is the one to map back.
    host_prefix = sys.base_prefix.rstrip("/") + "/"
    image_prefix = spec.get("prefix", "").rstrip("/") + "/"

    def unroot(text: str) -> str:
        text = text.replace(root, "")
        return text.replace(host_prefix, image_prefix) if spec.get("prefix") else text

    if spec.get("shell"):
        completed = subprocess.run(spec["shell"], cwd=rebase(spec.get("shellCwd", spec["cwd"])), env=env,
                                   stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    else:
        completed = subprocess.run(argv, executable=rebase(spec["executable"]), cwd=cwd, env=env,
                                   stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    stderr = unroot(completed.stderr.decode("utf-8", "replace"))
    result = {"exitCode": completed.returncode, "stderr": stderr, "sysPath": None}
    if spec.get("probe"):
        name = "__railsim_sys_path_probe__"
        probe = rebase(spec["probe"]) + "/" + name + ".py"
        with open(probe, "w", encoding="utf-8") as handle:
            # No imports: the probe must not run into modules the case shadows.
            handle.write("import sys\nsys.stdout.write('\\n'.join(sys.path))\n")
        target = ["-m", name] if spec.get("probeModule") else [probe]
        if spec.get("probeCommand"):
            target = ["-c", "import sys\nsys.stdout.write('\\n'.join(sys.path))\n"]
        ran = subprocess.run([argv[0]] + spec.get("probeFlags", []) + target, executable=rebase(spec["executable"]), cwd=cwd, env=env,
                             stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        os.remove(probe)
        if ran.returncode == 0:
            result["sysPath"] = [unroot(entry) if entry.startswith(root) or entry.startswith(host_prefix) else entry
                                 for entry in ran.stdout.decode("utf-8", "replace").split("\n")]
            if spec.get("userSite") and not spec.get("systemSite"):
                # site.venv() adds the venv's site-packages before the user site; the image has only
                # the base interpreter, whose site-packages comes after it: keep the last copy.
                entries = result["sysPath"]
                result["sysPath"] = [entry for index, entry in enumerate(entries) if entry not in entries[index + 1:]]
            if spec.get("systemSite") or spec.get("userSite"):
                # The venv's site-packages and the host's (both mapped to the image prefix) are one
                # directory in the image.
                result["sysPath"] = [entry for index, entry in enumerate(result["sysPath"])
                                     if index == 0 or entry != result["sysPath"][index - 1]]
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
