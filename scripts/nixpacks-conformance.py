#!/usr/bin/env python3
"""Compare railsim's Nixpacks plans with Nixpacks' own snapshot tests.

Nixpacks keeps one insta snapshot per example (tests/snapshots/generate_plan_tests__<name>.snap,
made by tests/generate_plan_tests.rs through test-helper/src/lib.rs). This script exports
`examples/` and `tests/snapshots/` from a Nixpacks checkout, or from the bare mirror with
`git archive`, and runs railsim's conformance test on every python* example and node-python.
The test plans each example with railsim's planner, masks the plan the way Nixpacks' test helper
does, and prints:

    plan: K/N exact
    startCommand: S/N
    install: I/N

Usage:
    scripts/nixpacks-conformance.py --git-dir /work/.mirror/railwayapp+nixpacks/repo [--rev HEAD]
    scripts/nixpacks-conformance.py --checkout /path/to/nixpacks

Nothing from Nixpacks is copied into railsim: the export lives in a temporary directory.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEST_FILTER = "NixpacksConformanceTests"


def is_compared(example: str) -> bool:
    """The examples the conformance test plans (it applies the same rule)."""
    return example.startswith("python") or example == "node-python"


def export_from_git(git_dir: str, rev: str, target: str) -> None:
    """`git archive <rev>` of the compared examples and their snapshots, unpacked into `target`.
    Only those paths: a mirror may lack the blobs of other examples' large files."""
    listing = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-d", "--name-only", f"{rev}:examples"],
        check=True, capture_output=True, text=True,
    )
    examples = [name for name in listing.stdout.split() if is_compared(name)]
    paths = [f"examples/{name}" for name in examples]
    paths += [f"tests/snapshots/generate_plan_tests__{name.replace('-', '_')}.snap" for name in examples]
    present = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-r", "--name-only", rev, "--", *paths],
        check=True, capture_output=True, text=True,
    ).stdout.split("\n")
    wanted = [path for path in paths if any(line == path or line.startswith(path + "/") for line in present)]
    archive = subprocess.run(
        ["git", "--git-dir", git_dir, "archive", "--format=tar", rev, "--", *wanted],
        check=True, capture_output=True,
    )
    subprocess.run(["tar", "-x", "-C", target], input=archive.stdout, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--git-dir", help="a Nixpacks git directory (bare mirror)")
    source.add_argument("--checkout", help="a Nixpacks working tree with examples/ and tests/snapshots/")
    parser.add_argument("--rev", default="HEAD", help="revision to export with --git-dir (default HEAD)")
    parser.add_argument("--verbose", action="store_true", help="print the per-example differences too")
    args = parser.parse_args()

    temporary = None
    try:
        if args.git_dir:
            temporary = tempfile.mkdtemp(prefix="railsim-nixpacks-")
            export_from_git(args.git_dir, args.rev, temporary)
            checkout = temporary
        else:
            checkout = os.path.abspath(args.checkout)
        for needed in ("examples", os.path.join("tests", "snapshots")):
            if not os.path.isdir(os.path.join(checkout, needed)):
                print(f"nixpacks-conformance: {checkout} has no {needed}/", file=sys.stderr)
                return 2
        environment = dict(os.environ, RAILSIM_NIXPACKS_CHECKOUT=checkout)
        run = subprocess.run(
            ["swift", "test", "--disable-xctest", "--filter", TEST_FILTER],
            cwd=PACKAGE_ROOT, env=environment, capture_output=True, text=True,
        )
        figures = []
        reporting = False
        for line in run.stdout.splitlines():
            text = line.strip()
            if text.startswith(("plan:", "plan (byte for byte):", "startCommand:", "install:")):
                figures.append(text)
                reporting = False
            elif text.startswith("NixpacksConformance:"):
                reporting = True
                if args.verbose or ": plan differs" not in text:
                    print(text)
            elif reporting and args.verbose and not text[:1] in ("\u25c7", "\u2714", "\u2718", "\u21b3", "\U00100788", "\U001007C8"):
                print(line)
        for figure in figures:
            print(figure)
        if not figures:
            sys.stdout.write(run.stdout[-4000:])
            sys.stderr.write(run.stderr[-4000:])
            return run.returncode or 1
        return run.returncode
    except subprocess.CalledProcessError as error:
        print(f"nixpacks-conformance: {' '.join(error.cmd)} failed: {error.stderr.decode(errors='replace')}", file=sys.stderr)
        return 2
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
