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
        subprocess.run([spec["python"], "-m", "venv", "--without-pip", venv], check=True)
    env = {"PYTHONNOUSERSITE": "1", "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "HOME": root + "/root", "LANG": "C.UTF-8"}
    for key, value in spec["env"].items():
        if key == "PYTHONPATH":
            value = ":".join(rebase(part) for part in value.split(":"))
        if key in ("PATH", "HOME", "PYTHONHOME", "VIRTUAL_ENV"):
            continue
        env[key] = value
    env["PATH"] = os.path.dirname(rebase(spec["executable"])) + ":/usr/bin:/bin"
    # Every absolute argument is an image path (script paths under any WORKDIR, not just /app).
    argv = [spec["argv"][0]] + [rebase(arg) for arg in spec["argv"][1:]]
    cwd = rebase(spec["cwd"])
    # This runner runs on the same host interpreter, so its sys.base_prefix is the one to map back.
    host_prefix = sys.base_prefix.rstrip("/") + "/"
    image_prefix = spec.get("prefix", "").rstrip("/") + "/"

    def unroot(text: str) -> str:
        text = text.replace(root, "")
        return text.replace(host_prefix, image_prefix) if spec.get("prefix") else text

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
        ran = subprocess.run([spec["argv"][0]] + target, executable=rebase(spec["executable"]), cwd=cwd, env=env,
                             stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        os.remove(probe)
        if ran.returncode == 0:
            result["sysPath"] = [unroot(entry) if entry.startswith(root) or entry.startswith(host_prefix) else entry
                                 for entry in ran.stdout.decode("utf-8", "replace").split("\n")]
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
