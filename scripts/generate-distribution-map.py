#!/usr/bin/env python3
"""Generate Sources/Build/Python/DistributionCatalogData.swift.

Maps PEP 503-normalised distribution names of the most-downloaded PyPI
distributions to the top-level import names their wheels install, so railsim can
tell that `import yaml` is satisfied by `PyYAML` in requirements.txt without
installing anything (research python-imports.md §5.1/§5.2).

How each distribution is handled:
  1. `pip download --no-deps --only-binary=:all: --python-version 3.13
     --platform manylinux2014_x86_64 --platform manylinux_2_28_x86_64 NAME`
     (manylinux_2_28 is added because some projects, e.g. numpy 2.x, no longer
     publish manylinux2014 wheels; pure `py3-none-any` wheels match as well);
  2. on failure, the same without --python-version/--platform (the running
     interpreter's own tags), which catches pure wheels that the constrained
     resolver rejects (e.g. a Requires-Python upper bound);
  3. on failure again the distribution is skipped and listed in the report and
     in a comment in the generated file.
Import names come from `*.dist-info/top_level.txt` when it is present and
non-empty, otherwise they are inferred from `RECORD` the way CPython 3.13's
`importlib.metadata.packages_distributions()` does (`_top_level_inferred`):
the first path component of a nested path, `inspect.getmodulename()` of a
top-level file, dropping names that contain a dot. Two refinements for wheels
(RECORD inside a wheel is not yet relocated): `NAME-VER.data/purelib/` and
`.../platlib/` prefixes are stripped, because the installer moves those files
to site-packages; and names that are not Python identifiers (e.g. a top-level
`LICENSE` file) are dropped because no `import` statement can name them.

Downloaded wheels are deleted once read; the metadata that matters
(top_level.txt, RECORD, wheel file name) is cached as JSON under --cache
(default /tmp/railsim-distmap-cache) so that reruns, or a larger --top, only
download what is new. Failures are cached too; pass --retry-failed to retry.

Usage: scripts/generate-distribution-map.py --top 300 [--workers 6]
"""
from __future__ import annotations

import argparse
import concurrent.futures
import importlib.machinery
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TSV = Path("/work/.library/env/packages/pypi.tsv")
DEFAULT_OUT = REPO_ROOT / "Sources" / "Build" / "Python" / "DistributionCatalogData.swift"
DEFAULT_CACHE = Path("/tmp/railsim-distmap-cache")
CACHE_FORMAT = 1

PLATFORM_ARGS = [
    "--python-version", "3.13",
    "--platform", "manylinux2014_x86_64",
    "--platform", "manylinux_2_28_x86_64",
]


def normalize(name: str) -> str:
    """PEP 503: lowercase, runs of -, _ and . become one dash."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_ranked(tsv: Path, top: int) -> list[tuple[int, str]]:
    rows: list[tuple[int, str]] = []
    with tsv.open(encoding="utf-8", errors="replace") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        try:
            rank_col = header.index("rank_among_15000_most_downloaded")
        except ValueError:
            rank_col = 3
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) <= rank_col or not cols[rank_col].strip():
                continue
            try:
                rank = int(cols[rank_col])
            except ValueError:
                continue
            rows.append((rank, cols[0].strip()))
    rows.sort()
    seen: set[str] = set()
    out: list[tuple[int, str]] = []
    for rank, name in rows:
        key = normalize(name)
        if key in seen or not name:
            continue
        seen.add(key)
        out.append((rank, name))
        if len(out) >= top:
            break
    return out


# --- deriving import names -------------------------------------------------

_SUFFIXES = sorted(importlib.machinery.all_suffixes(), key=len, reverse=True)
# Extension suffixes of *other* CPython versions and the stable ABI also name
# modules (a cp313 wheel read by a 3.11 interpreter); inspect.getmodulename()
# in the target interpreter would recognise its own tag.
_EXT_RE = re.compile(r"^(?P<mod>[^.]+)(\.(cpython|pypy)[-\w]*|\.abi3)?\.(so|pyd)$")


def getmodulename(filename: str) -> str | None:
    """inspect.getmodulename(): strip the longest known module suffix."""
    m = _EXT_RE.match(filename)
    if m:
        return m.group("mod")
    for suffix in _SUFFIXES:
        if filename.endswith(suffix):
            return filename[: -len(suffix)]
    return None


def names_from_record(record_text: str) -> list[str]:
    names: set[str] = set()
    for raw in record_text.splitlines():
        path = raw.split(",", 1)[0].strip().strip('"')
        if not path:
            continue
        parts = [p for p in path.split("/") if p]
        if len(parts) >= 3 and parts[0].endswith(".data") and parts[1] in ("purelib", "platlib"):
            parts = parts[2:]
        if not parts:
            continue
        name = parts[0] if len(parts) > 1 else (getmodulename(parts[0]) or parts[0])
        if "." in name or not name.isidentifier():
            continue
        names.add(name)
    return sorted(names)


def record_paths(record_text: str) -> list[list[str]]:
    out = []
    for raw in record_text.splitlines():
        path = raw.split(",", 1)[0].strip().strip('"')
        parts = [p for p in path.split("/") if p]
        if len(parts) >= 3 and parts[0].endswith(".data") and parts[1] in ("purelib", "platlib"):
            parts = parts[2:]
        if parts:
            out.append(parts)
    return out


def namespace_modules(record_text: str, tops: list[str]) -> list[str]:
    """For top-level names that are namespace packages in this wheel (no __init__ file), the
    first regular packages or modules below them, e.g. google -> google.cloud.storage, so a
    caller can tell `import google.cloud.storage` from `import google.protobuf` (research §5.2)."""
    paths = record_paths(record_text)
    found: set[str] = set()

    def is_init(name: str) -> bool:
        return name == "__init__.py" or (name.startswith("__init__.") and getmodulename(name) == "__init__")

    def walk(prefix: list[str]) -> None:
        n = len(prefix)
        below = [p for p in paths if len(p) > n and p[:n] == prefix]
        if not below:
            return
        if any(len(p) == n + 1 and is_init(p[n]) for p in below):
            found.add(".".join(prefix))
            return
        children = sorted({p[n] for p in below})
        for child in children:
            if any(len(p) > n + 1 and p[n] == child for p in below):
                if child.isidentifier():
                    walk(prefix + [child])
            else:
                mod = getmodulename(child)
                if mod and mod.isidentifier() and mod != "__init__":
                    found.add(".".join(prefix + [mod]))

    for top in tops:
        entries = [p for p in paths if p[0] == top]
        is_dir = any(len(p) > 1 for p in entries)
        if is_dir and not any(len(p) == 2 and is_init(p[1]) for p in entries):
            walk([top])
    return sorted(found)


def names_from_top_level(text: str) -> list[str]:
    # importlib.metadata._top_level_declared: (read_text('top_level.txt') or '').split()
    out = set()
    for tok in text.split():
        # Old setuptools wrote nested entries such as "google/cloud"; the import
        # top level is the first component.
        tok = tok.replace("\\", "/").split("/")[0]
        if tok:
            out.add(tok)
    return sorted(out)


def read_wheel(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        members = zf.namelist()
        dist_infos = sorted({m.split("/")[0] for m in members if m.split("/")[0].endswith(".dist-info")})
        info: dict = {"wheel": path.name, "top_level": None, "record": None}
        # Prefer the dist-info whose name matches the wheel's project name.
        project = path.name.split("-")[0].lower()
        dist_infos.sort(key=lambda d: (d.split("-")[0].lower() != project, d))
        if not dist_infos:
            return info
        di = dist_infos[0]
        if f"{di}/top_level.txt" in members:
            info["top_level"] = zf.read(f"{di}/top_level.txt").decode("utf-8", "replace")
        if f"{di}/RECORD" in members:
            info["record"] = zf.read(f"{di}/RECORD").decode("utf-8", "replace")
        else:
            info["record"] = "\n".join(members)
        return info


def wheel_version(wheel_name: str) -> str:
    parts = wheel_name[: -len(".whl")].split("-")
    return parts[1] if len(parts) >= 2 else ""


# --- downloading -------------------------------------------------------------

def pip_download(name: str, dest: Path, constrained: bool) -> tuple[bool, str]:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "--no-cache-dir", "-q", "-d", str(dest)]
    if constrained:
        cmd += PLATFORM_ARGS
    cmd.append(name)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return False, "timeout"
    if proc.returncode != 0:
        err = (proc.stderr or proc.stdout).strip().splitlines()
        return False, err[-1] if err else f"pip exit {proc.returncode}"
    return True, ""


def fetch_one(name: str, cache: Path, retry_failed: bool) -> dict:
    key = normalize(name)
    entry_path = cache / "meta" / f"{key}.json"
    if entry_path.exists():
        try:
            cached = json.loads(entry_path.read_text())
            if cached.get("format") == CACHE_FORMAT and (cached.get("ok") or not retry_failed):
                cached["cached"] = True
                return cached
        except (OSError, ValueError):
            pass
    tmp = Path(tempfile.mkdtemp(prefix="dl-", dir=cache))
    result: dict = {"format": CACHE_FORMAT, "name": name, "key": key, "ok": False}
    try:
        errors = []
        for constrained in (True, False):
            ok, err = pip_download(name, tmp, constrained)
            wheels = sorted(tmp.glob("*.whl"))
            if ok and wheels:
                info = read_wheel(wheels[0])
                result.update(info)
                result["ok"] = True
                result["how"] = "manylinux/3.13" if constrained else "unconstrained"
                break
            errors.append(("constrained: " if constrained else "fallback: ") + (err or "no wheel"))
        if not result["ok"]:
            result["error"] = " | ".join(errors)
    except (zipfile.BadZipFile, OSError) as exc:
        result["error"] = f"cannot read wheel: {exc}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    (cache / "meta").mkdir(parents=True, exist_ok=True)
    entry_path.write_text(json.dumps(result, indent=1, sort_keys=True))
    result["cached"] = False
    return result


# --- output ------------------------------------------------------------------

def render(entries: list[dict], failed: list[dict], top: int, elapsed: float) -> str:
    lines = []
    for e in sorted(entries, key=lambda e: e["key"]):
        lines.append(f"{e['key']}\t{e['version']}\t{e['source']}\t{','.join(e['names'])}\t{','.join(e['namespace'])}")
    failed_lines = "".join(f"//   {f['key']}: {f.get('error', '?')[:160]}\n" for f in sorted(failed, key=lambda f: f["key"]))
    n_top = sum(1 for e in entries if e["source"] == "t")
    n_rec = len(entries) - n_top
    return (
        "// GENERATED FILE - DO NOT EDIT BY HAND.\n"
        f"// Made by scripts/generate-distribution-map.py --top {top} with Python {sys.version.split()[0]}\n"
        "// from the ranks in /work/.library/env/packages/pypi.tsv and wheels fetched with `pip download`.\n"
        f"// {len(entries)} distributions mapped ({n_top} from top_level.txt, {n_rec} inferred from RECORD);\n"
        f"// {len(failed)} skipped because no wheel could be downloaded:\n"
        f"{failed_lines}"
        "\n"
        "extension DistributionCatalog {\n"
        "    /// One line per distribution, sorted: PEP 503 name, wheel version, source (`t` = top_level.txt,\n"
        "    /// `r` = RECORD), comma-separated top-level import names (possibly empty), and for top-level names\n"
        "    /// that are namespace packages in the wheel the first regular modules below them\n"
        "    /// (`google.cloud.storage`). Tab-separated; one string so the compiler sees a single literal.\n"
        "    static let generatedData: String = #\"\"\"\n"
        + "\n".join(lines)
        + "\n\"\"\"#\n}\n"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--workers", type=int, default=6)
    ap.add_argument("--retry-failed", action="store_true")
    ap.add_argument("--time-limit", type=float, default=0, help="stop starting downloads after this many seconds")
    args = ap.parse_args()

    args.cache.mkdir(parents=True, exist_ok=True)
    ranked = read_ranked(args.tsv, args.top)
    print(f"{len(ranked)} distributions selected (best rank {ranked[0][0] if ranked else '-'}"
          f", worst {ranked[-1][0] if ranked else '-'})", file=sys.stderr)
    start = time.monotonic()
    results: list[dict] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
        futures = {}
        for _, name in ranked:
            futures[pool.submit(fetch_one, name, args.cache, args.retry_failed)] = name
        for i, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            res = fut.result()
            results.append(res)
            if not res.get("cached"):
                status = "ok" if res["ok"] else "FAILED " + res.get("error", "")
                print(f"[{i}/{len(ranked)}] {res['name']}: {status}", file=sys.stderr)
            if args.time_limit and time.monotonic() - start > args.time_limit:
                print("time limit reached; not starting more downloads (cached results are kept)", file=sys.stderr)
                for f in futures:
                    f.cancel()
                break
    elapsed = time.monotonic() - start

    entries, failed = [], []
    for res in results:
        if not res.get("ok"):
            failed.append(res)
            continue
        top_names = names_from_top_level(res["top_level"]) if res.get("top_level") else []
        if top_names:
            names, source = top_names, "t"
        else:
            names, source = names_from_record(res.get("record") or ""), "r"
        entries.append({"key": res["key"], "version": wheel_version(res["wheel"]),
                        "source": source, "names": names, "how": res.get("how"),
                        "namespace": namespace_modules(res.get("record") or "", names)})

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(entries, failed, args.top, elapsed), encoding="utf-8")
    n_fallback = sum(1 for e in entries if e["how"] == "unconstrained")
    print(f"wrote {args.out}: {len(entries)} mapped ({sum(e['source'] == 't' for e in entries)} top_level.txt, "
          f"{sum(e['source'] == 'r' for e in entries)} RECORD, {n_fallback} via unconstrained fallback), "
          f"{len(failed)} failed, {elapsed:.0f}s", file=sys.stderr)
    for f in sorted(failed, key=lambda f: f["key"]):
        print(f"  failed: {f['key']}: {f.get('error')}", file=sys.stderr)
    empty = [e["key"] for e in entries if not e["names"]]
    if empty:
        print(f"  no import names: {', '.join(sorted(empty))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
