#!/usr/bin/env python3
"""Compare railsim's Nixpacks plans with Nixpacks' own snapshot tests.

Nixpacks keeps one insta snapshot per example (tests/snapshots/generate_plan_tests__<name>.snap,
made by tests/generate_plan_tests.rs through test-helper/src/lib.rs). This script exports
`examples/` and `tests/snapshots/` from a Nixpacks checkout, or from the bare mirror (blob by
blob), and runs railsim's conformance test. The test plans every python* example and node-python
with railsim's planner, masks the plan the way Nixpacks' test helper does, and prints:

    plan: K/N exact
    startCommand: S/N
    install: I/N

and, over every example with a snapshot, whether railsim detects the provider Nixpacks did
(the first name of the snapshot's NIXPACKS_METADATA):

    detection: D/M

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


def export_from_git(git_dir: str, rev: str, target: str) -> int:
    """Writes `examples/` and `tests/snapshots/` of `rev` into `target`, blob by blob through
    `git cat-file --batch`. A mirror may lack the blobs of some large files (`git archive` then
    fails); those files are skipped and counted. Returns the number skipped."""
    listing = subprocess.run(
        ["git", "--git-dir", git_dir, "ls-tree", "-r", "-z", rev, "--", "examples", "tests/snapshots"],
        check=True, capture_output=True,
    ).stdout.split(b"\0")
    entries = []
    for record in listing:
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        mode, kind, sha = meta.split(b" ")
        if kind == b"blob":
            entries.append((mode.decode(), sha.decode(), path.decode("utf-8", "surrogateescape")))
    batch = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    skipped = 0
    for mode, sha, path in entries:
        batch.stdin.write(sha.encode() + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            skipped += 1
            continue
        content = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)  # the newline after each object
        destination = os.path.join(target, path)
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        if mode == "120000":
            os.symlink(content.decode("utf-8", "surrogateescape"), destination)
        else:
            with open(destination, "wb") as handle:
                handle.write(content)
    batch.stdin.close()
    batch.wait()
    return skipped


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
            skipped = export_from_git(args.git_dir, args.rev, temporary)
            if skipped:
                print(f"nixpacks-conformance: {skipped} files absent from the mirror were skipped")
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
            if text.startswith(("plan:", "plan (byte for byte):", "startCommand:", "install:", "config-only plans:", "detection:")):
                figures.append(text)
                reporting = False
            elif text.startswith("NixpacksConformance:"):
                reporting = True
                if args.verbose or "differs\n" not in text and " differs" not in text:
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
