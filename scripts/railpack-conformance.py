#!/usr/bin/env python3
"""Compare `railsim plan --format railpack-json` with Railpack's own plan snapshots.

Railpack's snapshot test (core/core_test.go TestGenerateBuildPlanForExamples) plans every
directory under examples/ with an empty environment, no CLI options and RAILPACK_VERSION "dev",
replaces each step asset named `generated-mise-toml` with "[generated-mise-toml]", and stores
the BuildPlan as core/__snapshots__/TestGenerateBuildPlanForExamples_<name>_1.snap.json. The
examples' test.json files only drive Railpack's integration tests, so their `envs` are not used
here either.

This script runs railsim the same way (no service variables, `--railpack-version dev`), drops the
`$schema` key `railpack plan` adds, masks the generated mise config the same way and compares the
parsed JSON.

Railpack also writes files embedded in its binary (the default Caddyfiles, PHP's php.ini and start
script) into plans as step assets. railsim does not carry upstream code, so it writes a marker
`[railpack embedded file: PATH]` instead; where it does, the snapshot's asset of the same name is
replaced by that marker before comparing, and the example is counted as "exact with embedded
files masked".

Usage:
  scripts/railpack-conformance.py RAILPACK_CHECKOUT
  scripts/railpack-conformance.py --git-dir /path/to/railpack.git
  scripts/railpack-conformance.py RAILPACK_CHECKOUT --diff python-django
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile

SNAPSHOT = "core/__snapshots__/TestGenerateBuildPlanForExamples_{}_1.snap.json"
MASK = "[generated-mise-toml]"


def export_git_dir(git_dir, target):
    """HEAD's examples/ and core/__snapshots__/ into `target`. `git archive` first; mirrors that
    lack some large blobs make it fail, so fall back to writing each blob (a missing one becomes
    an empty file, which keeps the file's presence: detection only looks at names)."""
    paths = ["examples", "core/__snapshots__"]
    archive = subprocess.run(["git", "--git-dir", git_dir, "archive", "--format=tar", "HEAD"] + paths, capture_output=True)
    if archive.returncode == 0:
        subprocess.run(["tar", "-x", "-C", target], input=archive.stdout, check=True)
        return
    listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "-r", "HEAD"] + paths,
                             capture_output=True, text=True, check=True).stdout
    batch = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        mode, kind, sha = meta.split()
        if kind != "blob":
            continue
        batch.stdin.write((sha + "\n").encode())
        batch.stdin.flush()
        header = batch.stdout.readline().decode().split()
        data = b""
        if len(header) >= 3 and header[1] != "missing":
            data = batch.stdout.read(int(header[2]))
            batch.stdout.read(1)
        full = os.path.join(target, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if mode == "120000":
            os.symlink(data.decode(), full)
            continue
        with open(full, "wb") as handle:
            handle.write(data)
        if mode == "100755":
            os.chmod(full, 0o755)
    batch.stdin.close()
    batch.wait()


def masked(plan):
    plan = dict(plan)
    plan.pop("$schema", None)
    for step in plan.get("steps", []):
        assets = step.get("assets", {})
        if "generated-mise-toml" in assets:
            assets["generated-mise-toml"] = MASK
    return plan


EMBEDDED = "[railpack embedded file: "


def mask_embedded(expected, actual):
    """Replace, in the snapshot, every step asset railsim marked as Railpack's embedded file.
    Returns how many assets were masked."""
    if actual is None:
        return 0
    count = 0
    ours = {step.get("name"): step.get("assets", {}) for step in actual.get("steps", [])}
    for step in expected.get("steps", []):
        marked = ours.get(step.get("name"), {})
        for key, value in marked.items():
            if isinstance(value, str) and value.startswith(EMBEDDED) and key in step.get("assets", {}):
                step["assets"][key] = value
                count += 1
    return count


def run_railsim(railsim, example):
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"), "NO_COLOR": "1"}
    completed = subprocess.run([railsim, "plan", example, "--format", "railpack-json", "--railpack-version", "dev"],
                               capture_output=True, text=True, env=environment)
    if completed.returncode != 0 or not completed.stdout.strip():
        return None, completed.stderr.strip()
    try:
        return masked(json.loads(completed.stdout)), completed.stderr.strip()
    except json.JSONDecodeError as error:
        return None, "railsim printed invalid JSON: {}".format(error)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", nargs="?", help="a railpack checkout (with examples/ and core/__snapshots__/)")
    parser.add_argument("--git-dir", help="a railpack git directory (bare is fine); HEAD is exported to a temporary directory")
    parser.add_argument("--railsim", default=os.path.join(here, "..", ".build", "debug", "railsim"), help="the railsim binary")
    parser.add_argument("--diff", metavar="NAME", help="show a readable diff for one example")
    parser.add_argument("--list", action="store_true", help="list each example's result")
    args = parser.parse_args()
    if bool(args.checkout) == bool(args.git_dir):
        parser.error("give either a checkout path or --git-dir")
    if not os.access(args.railsim, os.X_OK):
        parser.error("railsim binary not found at {} (run `swift build` or pass --railsim)".format(args.railsim))

    temporary = None
    root = args.checkout
    if args.git_dir:
        temporary = tempfile.mkdtemp(prefix="railpack-conformance-")
        export_git_dir(args.git_dir, temporary)
        root = temporary
    try:
        examples_dir = os.path.join(root, "examples")
        if not os.path.isdir(examples_dir) or not os.path.isdir(os.path.join(root, "core", "__snapshots__")):
            parser.error("{} has no examples/ and core/__snapshots__/".format(root))
        names = sorted(name for name in os.listdir(examples_dir) if os.path.isdir(os.path.join(examples_dir, name)))
        if args.diff:
            if args.diff not in names:
                parser.error("no example named {}".format(args.diff))
            names = [args.diff]

        def check(name):
            with open(os.path.join(root, SNAPSHOT.format(name))) as handle:
                expected = json.load(handle)
            actual, stderr = run_railsim(args.railsim, os.path.join(examples_dir, name))
            embedded = mask_embedded(expected, actual)
            return name, expected, actual, stderr, embedded

        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 4) as pool:
            results = list(pool.map(check, names))

        if args.diff:
            name, expected, actual, stderr, _ = results[0]
            if stderr:
                print("railsim stderr:\n  " + stderr.replace("\n", "\n  "))
            if actual is None:
                print("railsim produced no plan")
                return 1
            left = json.dumps(expected, indent=2, sort_keys=True).splitlines()
            right = json.dumps(actual, indent=2, sort_keys=True).splitlines()
            diff = list(difflib.unified_diff(left, right, "railpack snapshot", "railsim", lineterm=""))
            print("\n".join(diff) if diff else "{}: identical".format(name))
            return 0 if not diff else 1

        exact = starts = python_total = python_exact = masked_examples = 0
        for name, expected, actual, stderr, embedded in results:
            same = actual == expected
            masked_examples += 1 if same and embedded else 0
            start_same = actual is not None and actual.get("deploy", {}).get("startCommand") == expected.get("deploy", {}).get("startCommand")
            exact += same
            starts += start_same
            if name.startswith("python-"):
                python_total += 1
                python_exact += same
            if args.list:
                status = ("exact (embedded files masked)" if embedded else "exact") if same else ("start only" if start_same else ("no plan" if actual is None else "differs"))
                note = "" if actual is not None else " ({})".format(stderr.splitlines()[-1] if stderr else "no output")
                print("{:40} {}{}".format(name, status, note))
        total = len(results)
        print("plan: {}/{} exact ({} of them with Railpack's embedded files masked)".format(exact, total, masked_examples))
        print("startCommand: {}/{}".format(starts, total))
        print("python-*: {}/{}".format(python_exact, python_total))
        return 0
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
