#!/usr/bin/env python3
"""Dump the PyPI `dockerfile` package's parse (BuildKit v0.12.5's Go parser, AST layer only) as JSON.

Usage: dockerfile-oracle.py FILE...
       dockerfile-oracle.py -         (file paths on stdin, one per line: for batches too long for argv)
       dockerfile-oracle.py --texts   (stdin: a JSON object {"<name>": "<Dockerfile text>"}; no files at all)
Prints one JSON object: {"<file>": {"commands": [...]} | {"error": "<BuildKit message>"}}.
Exit status 3 when the package is not installed (callers skip), 0 otherwise.
"""
import json
import sys

try:
    import dockerfile
except ImportError:  # pragma: no cover - reported to the caller
    print("dockerfile package not installed (pip install dockerfile)", file=sys.stderr)
    sys.exit(3)


def command(c):
    return {
        "cmd": c.cmd,
        "sub_cmd": c.sub_cmd,
        "json": c.json,
        "original": c.original,
        "start_line": c.start_line,
        "end_line": c.end_line,
        "flags": list(c.flags),
        "value": list(c.value),
        "heredocs": [{"name": h.name, "fd": h.file_descriptor, "content": h.content} for h in c.heredocs],
    }


def parse(parser, arg):
    try:
        return {"commands": [command(c) for c in parser(arg)]}
    except dockerfile.GoParseError as e:
        return {"error": str(e)}
    except Exception as e:  # GoIOError, decoding problems
        return {"error": "oracle: " + type(e).__name__ + ": " + str(e)}


def main(paths):
    out = {path: parse(dockerfile.parse_file, path) for path in paths}
    # ASCII escapes: swift-corelibs-foundation's JSONSerialization drops a raw U+FEFF inside strings.
    json.dump(out, sys.stdout, ensure_ascii=True)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args == ["--texts"]:
        texts = json.load(sys.stdin)
        json.dump({name: parse(dockerfile.parse_string, text) for name, text in texts.items()}, sys.stdout, ensure_ascii=True)
        sys.exit(0)
    if args == ["-"]:
        args = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    sys.exit(main(args))
