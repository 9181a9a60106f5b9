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
    argv = [rebase(arg) if arg.startswith("/app") or arg.startswith("/srv") else arg for arg in spec["argv"]]
    cwd = rebase(spec["cwd"])
    completed = subprocess.run(argv, executable=rebase(spec["executable"]), cwd=cwd, env=env,
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    stderr = completed.stderr.decode("utf-8", "replace").replace(root, "")
    result = {"exitCode": completed.returncode, "stderr": stderr, "sysPath": None}
    if spec.get("probe"):
        probe = rebase(spec["probe"]) + "/__railsim_sys_path_probe__.py"
        with open(probe, "w", encoding="utf-8") as handle:
            handle.write("import json, sys\nprint(json.dumps(sys.path))\n")
        ran = subprocess.run([spec["argv"][0], probe], executable=rebase(spec["executable"]), cwd=cwd, env=env,
                             stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        os.remove(probe)
        if ran.returncode == 0:
            result["sysPath"] = [entry.replace(root, "") if entry.startswith(root) else entry for entry in json.loads(ran.stdout)]
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
