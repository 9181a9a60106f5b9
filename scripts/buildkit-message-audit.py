#!/usr/bin/env python3
"""Check that every BuildKit text railsim quotes is really in BuildKit's source.

railsim spells each BuildKit error/warning text once, in Sources/Build/Dockerfile/BuildKitMessage*.swift,
under citation comments of the form

    // <origin> <path> <function>: "<Go string literal, escapes as written>"

origin `BuildKit` (path in moby/buildkit), `moby/patternmatcher`, or `Go` (path under the Go
distribution's src/). This script finds every such comment under Sources/ and checks that the quoted
literal, quotes included, occurs inside the cited function (or on the line declaring the cited
variable; for a variable declared as a composite literal over several lines, e.g. ruleset.go's
`RuleStageNameCasing = LinterRule[...]{`, anywhere from that line through its closing brace at the
same indentation) of the cited file at the mirror's HEAD.

    scripts/buildkit-message-audit.py --git-dir /work/.mirror/moby+buildkit/repo \
        [--patternmatcher-git-dir /work/.mirror/moby+patternmatcher/repo] [--go-src GOROOT] [--verbose]

Without --patternmatcher-git-dir, moby/patternmatcher citations are checked against BuildKit's vendored
copy (vendor/github.com/moby/patternmatcher/). Go standard library citations are checked only with
--go-src (a Go distribution root, or its src/ directory); otherwise they are listed as not checked.
Exit status 1 when any checked citation is not found, or a citation comment is malformed.
"""
import argparse
import os
import re
import subprocess
import sys

CITATION = re.compile(r'^\s*// (BuildKit|moby/patternmatcher|Go) (\S+) (\S+): (".*")\s*$')
LOOSE = re.compile(r'^\s*// (BuildKit|moby/patternmatcher|Go) \S+/\S+\.go\b')


def git_show(git_dir, path):
    try:
        return subprocess.run(["git", "--git-dir", git_dir, "show", f"HEAD:{path}"], check=True,
                              capture_output=True, text=True).stdout
    except subprocess.CalledProcessError:
        return None


def git_head(git_dir):
    return subprocess.run(["git", "--git-dir", git_dir, "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()


def span(source, function):
    """The lines of `function` (`Name` or `Receiver.Method`), or of the declaration of variable `Name`:
    its line, or all its lines when it is a composite literal spanning several."""
    lines = source.split("\n")
    if "." in function:
        receiver, name = function.split(".", 1)
        head = re.compile(r'^func \(\s*\w*\s*\*?' + re.escape(receiver) + r'(\[[^\]]*\])?\s*\)\s*' + re.escape(name) + r'\s*[\[(]')
    else:
        name = function
        head = re.compile(r'^func ' + re.escape(name) + r'\s*[\[(]')
    for i, line in enumerate(lines):
        if head.match(line):
            for j in range(i, len(lines)):
                if lines[j] == "}" or (j == i and line.rstrip().endswith("}")):
                    return "\n".join(lines[i:j + 1])
            return "\n".join(lines[i:])
    if "." not in function:
        decl = re.compile(r'^\s*(?:var\s+|const\s+)?' + re.escape(name) + r'(?:\s+[\w.*\[\]]+)?\s*=')
        for i, line in enumerate(lines):
            if decl.match(line):
                return composite_literal(lines, i) or line
    return None


def composite_literal(lines, i):
    """A variable declared as a composite literal over several lines (`Name = Type{` ... `}`): the
    declaration line through the closing brace at the declaration's indentation; None otherwise."""
    code = re.sub(r'\s*//.*$', '', lines[i]).rstrip()
    if not code.endswith("{"):
        return None
    indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
    close = re.compile(re.escape(indent) + r'\}[,)]*\s*(?://.*)?$')
    for j in range(i + 1, len(lines)):
        if close.match(lines[j]):
            return "\n".join(lines[i:j + 1])
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--git-dir", required=True, help="bare git dir of moby/buildkit")
    ap.add_argument("--patternmatcher-git-dir", help="bare git dir of moby/patternmatcher")
    ap.add_argument("--go-src", help="Go distribution root (or its src/) for Go standard library citations")
    ap.add_argument("--sources", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources"))
    ap.add_argument("--verbose", action="store_true", help="list every citation checked")
    args = ap.parse_args()

    citations = []  # (swift file, line, origin, path, function, literal)
    failures = []
    for root, _, files in os.walk(args.sources):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            swift = os.path.join(root, name)
            with open(swift, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    m = CITATION.match(line.rstrip("\n"))
                    where = f"{os.path.relpath(swift, os.path.dirname(args.sources))}:{n}"
                    if m:
                        citations.append((where,) + m.groups())
                    elif LOOSE.match(line) and '"' in line:
                        failures.append(f"{where}: malformed citation comment: {line.strip()}")

    buildkit_head = git_head(args.git_dir)
    pm_head = git_head(args.patternmatcher_git_dir) if args.patternmatcher_git_dir else None
    go_src = None
    if args.go_src:
        go_src = args.go_src if os.path.basename(os.path.normpath(args.go_src)) == "src" else os.path.join(args.go_src, "src")

    cache = {}

    def source_for(origin, path):
        key = (origin, path)
        if key not in cache:
            if origin == "BuildKit":
                cache[key] = git_show(args.git_dir, path)
            elif origin == "moby/patternmatcher":
                cache[key] = (git_show(args.patternmatcher_git_dir, path) if args.patternmatcher_git_dir
                              else git_show(args.git_dir, "vendor/github.com/moby/patternmatcher/" + path))
            else:
                full = os.path.join(go_src, path)
                cache[key] = open(full, encoding="utf-8").read() if os.path.exists(full) else None
        return cache[key]

    checked = {}    # unique (origin, path, function, literal) -> ok
    unchecked = set()
    for where, origin, path, function, literal in citations:
        key = (origin, path, function, literal)
        if origin == "Go" and go_src is None:
            unchecked.add(key)
            continue
        if key in checked:
            if not checked[key]:
                failures.append(f"{where}: (same citation as above, not found)")
            continue
        text = source_for(origin, path)
        if text is None:
            failures.append(f"{where}: {origin} {path}: no such file")
            checked[key] = False
            continue
        body = span(text, function)
        if body is None:
            failures.append(f"{where}: {origin} {path}: no function or variable {function}")
            checked[key] = False
        elif literal not in body:
            inside = "elsewhere in the file" if literal in text else "nowhere in the file"
            failures.append(f"{where}: {origin} {path} {function}: {literal} not found there ({inside})")
            checked[key] = False
        else:
            checked[key] = True
            if args.verbose:
                print(f"ok  {origin} {path} {function}: {literal}")

    found = sum(1 for ok in checked.values() if ok)
    for failure in failures:
        print(failure)
    print(f"BuildKit HEAD {buildkit_head}" + (f", patternmatcher HEAD {pm_head}" if pm_head else ""))
    print(f"buildkit message audit: {found}/{len(checked)} quoted texts found in source"
          f" ({len(citations)} citation comments)")
    if unchecked:
        print(f"Go standard library: {len(unchecked)} quoted texts not checked (pass --go-src):")
        for origin, path, function, literal in sorted(unchecked):
            print(f"    Go {path} {function}: {literal}")
    return 1 if failures or found != len(checked) else 0


if __name__ == "__main__":
    sys.exit(main())
