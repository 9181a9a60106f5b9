#!/usr/bin/env python3
"""Dump the PyPI `dockerfile` package's parse (BuildKit v0.12.5's Go parser, AST layer only) as JSON.

Usage: dockerfile-oracle.py FILE...
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


def main(paths):
    out = {}
    for path in paths:
        try:
            out[path] = {"commands": [command(c) for c in dockerfile.parse_file(path)]}
        except dockerfile.GoParseError as e:
            out[path] = {"error": str(e)}
        except Exception as e:  # GoIOError, decoding problems
            out[path] = {"error": "oracle: " + type(e).__name__ + ": " + str(e)}
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
