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
     publish manylinux2014 wheels; pure `py3-none-any` wheels match as well),
     for --batch names per pip call (pip's start-up dominates small downloads);
     names a batch does not deliver go through steps 1-3 one by one;
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

Each wheel's `Requires-Dist` lines (core metadata, `*.dist-info/METADATA`,
https://packaging.python.org/en/latest/specifications/core-metadata/#requires-dist-multiple-use)
are recorded as name, extras and marker, the marker printed the way `packaging` prints it
(`extra == "standard"` conditions included), so railsim can install the transitive closure of a
requirements file the way pip does. A distribution whose METADATA could not be read is written with
`?` for its dependencies (unknown), not with an empty list.

Downloaded wheels are deleted once read; the metadata that matters
(top_level.txt, RECORD, Requires-Dist, wheel file name) is cached as JSON under --cache
(default /tmp/railsim-distmap-cache) so that reruns, or a larger --top, only
download what is new. Failures are cached too; pass --retry-failed to retry. Entries of an older
cache format (without Requires-Dist) are downloaded again; if that fails or --time-limit stops the
run first, their import names are still used and their dependencies are written as unknown.
The cache directory is created when missing, so the script also runs from scratch.

Usage: scripts/generate-distribution-map.py --top 1000 [--workers 6] [--time-limit 1200]
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
CACHE_FORMAT = 2  # 2: adds requires_dist (1 had import names only)

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
        if f"{di}/METADATA" in members:
            info["requires_dist"] = requires_dist_from_metadata(zf.read(f"{di}/METADATA").decode("utf-8", "replace"))
        if f"{di}/RECORD" in members:
            info["record"] = zf.read(f"{di}/RECORD").decode("utf-8", "replace")
        else:
            info["record"] = "\n".join(members)
        return info


def requires_dist_from_metadata(text: str) -> list[str]:
    """Requires-Dist values of a core-metadata file (an RFC 822 style header block)."""
    import email.parser
    msg = email.parser.HeaderParser().parsestr(text)
    return [" ".join(v.split()) for v in (msg.get_all("Requires-Dist") or [])]


try:  # packaging, as pip itself uses it; pip vendors a copy when packaging is not installed
    from packaging.requirements import InvalidRequirement, Requirement
except ImportError:  # pragma: no cover - depends on the machine
    from pip._vendor.packaging.requirements import InvalidRequirement, Requirement  # type: ignore


def parse_requires_dist(value: str) -> tuple[str, list[str], str] | None:
    """PEP 508 requirement -> (PEP 503 name, extras, marker text as packaging prints it, or '')."""
    try:
        req = Requirement(value)
    except InvalidRequirement:
        return None
    return normalize(req.name), sorted(normalize(e) for e in req.extras), str(req.marker) if req.marker else ""


def wheel_version(wheel_name: str) -> str:
    parts = wheel_name[: -len(".whl")].split("-")
    return parts[1] if len(parts) >= 2 else ""


# --- downloading -------------------------------------------------------------

def pip_download(name: str | list[str], dest: Path, constrained: bool) -> tuple[bool, str]:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--disable-pip-version-check", "--no-cache-dir", "-q", "-d", str(dest)]
    if constrained:
        cmd += PLATFORM_ARGS
    cmd += name if isinstance(name, list) else [name]
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
    stale = read_stale(cache, name)
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
    if result["ok"] or not stale:  # keep an older entry's import names on disk until a download works
        entry_path.write_text(json.dumps(result, indent=1, sort_keys=True))
    result["cached"] = False
    if not result["ok"] and stale:
        stale["error"] = result.get("error", "")
        return stale
    return result


def fetch_batch(names: list[str], cache: Path, retry_failed: bool) -> list[dict]:
    """Several distributions with one `pip download` (pip's start-up dominates the time of a small
    download); names the batch does not deliver are fetched one by one by fetch_one."""
    todo = []
    results = []
    for name in names:
        current = read_current(cache, name)
        if current and (current.get("ok") or not retry_failed):
            current["cached"] = True
            results.append(current)
        else:
            todo.append(name)
    if len(todo) > 1:
        tmp = Path(tempfile.mkdtemp(prefix="batch-", dir=cache))
        try:
            ok, _ = pip_download(todo, tmp, True)
            wheels = {normalize(w.name.split("-")[0]): w for w in tmp.glob("*.whl")} if ok else {}
            for name in list(todo):
                wheel = wheels.get(normalize(name))
                if wheel is None:
                    continue
                try:
                    result = {"format": CACHE_FORMAT, "name": name, "key": normalize(name), "ok": True,
                              "how": "manylinux/3.13", **read_wheel(wheel)}
                except (zipfile.BadZipFile, OSError):
                    continue
                (cache / "meta").mkdir(parents=True, exist_ok=True)
                (cache / "meta" / f"{normalize(name)}.json").write_text(json.dumps(result, indent=1, sort_keys=True))
                result["cached"] = False
                results.append(result)
                todo.remove(name)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    results += [fetch_one(name, cache, retry_failed) for name in todo]
    return results


def read_current(cache: Path, name: str) -> dict | None:
    """An entry of the current cache format (e.g. finished after the time limit), else None."""
    try:
        entry = json.loads((cache / "meta" / f"{normalize(name)}.json").read_text())
    except (OSError, ValueError):
        return None
    return entry if entry.get("format") == CACHE_FORMAT else None


def read_stale(cache: Path, name: str) -> dict | None:
    """An ok entry of an older cache format: import names without Requires-Dist."""
    try:
        old = json.loads((cache / "meta" / f"{normalize(name)}.json").read_text())
    except (OSError, ValueError):
        return None
    if not old.get("ok") or old.get("format") == CACHE_FORMAT:
        return None
    old["requires_dist"] = None
    old["stale"] = True
    old["cached"] = True
    return old


# --- output ------------------------------------------------------------------

CHUNK_LINES = 150  # lines per string literal: many moderate literals type-check faster than one huge one


def render_deps(deps: list[tuple[str, list[str], str]] | None) -> str:
    """`name[extra,extra];marker` joined by `|`; `?` when unknown. Markers never contain tabs or `|`."""
    if deps is None:
        return "?"
    out = []
    for name, extras, marker in deps:
        item = name + (f"[{','.join(extras)}]" if extras else "") + (f";{marker}" if marker else "")
        out.append(item)
    return "|".join(out)


def render(entries: list[dict], failed: list[dict], top: int, elapsed: float) -> str:
    lines = []
    for e in sorted(entries, key=lambda e: e["key"]):
        lines.append(f"{e['key']}\t{e['version']}\t{e['source']}\t{','.join(e['names'])}\t{','.join(e['namespace'])}"
                     f"\t{render_deps(e['deps'])}")
    chunks = [lines[i:i + CHUNK_LINES] for i in range(0, len(lines), CHUNK_LINES)]
    body = ",\n".join('        #"""\n' + "\n".join(c) + '\n"""#' for c in chunks)
    n_unknown = sum(1 for e in entries if e["deps"] is None)
    failed_lines = "".join(f"//   {f['key']}: {f.get('error', '?')[:160]}\n" for f in sorted(failed, key=lambda f: f["key"]))
    n_top = sum(1 for e in entries if e["source"] == "t")
    n_rec = len(entries) - n_top
    return (
        "// GENERATED FILE - DO NOT EDIT BY HAND.\n"
        f"// Made by scripts/generate-distribution-map.py --top {top} with Python {sys.version.split()[0]}\n"
        "// from the ranks in /work/.library/env/packages/pypi.tsv and wheels fetched with `pip download`.\n"
        f"// {len(entries)} distributions mapped ({n_top} from top_level.txt, {n_rec} inferred from RECORD),\n"
        f"// {n_unknown} of them without Requires-Dist (dependencies unknown);\n"
        f"// {len(failed)} skipped because no wheel could be downloaded:\n"
        f"{failed_lines}"
        "\n"
        "extension DistributionCatalog {\n"
        "    /// One line per distribution, sorted: PEP 503 name, wheel version, source (`t` = top_level.txt,\n"
        "    /// `r` = RECORD), comma-separated top-level import names (possibly empty), for top-level names\n"
        "    /// that are namespace packages in the wheel the first regular modules below them\n"
        "    /// (`google.cloud.storage`), and the wheel's Requires-Dist as `name[extras];marker` items joined\n"
        "    /// by `|` (`?` = unknown). Tab-separated, in chunks of plain string literals that are split into\n"
        "    /// lines when the catalogue is first used, so the compiler sees a few simple literals.\n"
        "    static let generatedData: [String] = [\n"
        + body
        + ",\n    ]\n}\n"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=1000)
    ap.add_argument("--tsv", type=Path, default=DEFAULT_TSV)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--workers", type=int, default=6)
    ap.add_argument("--batch", type=int, default=8, help="distributions per `pip download` call")
    ap.add_argument("--retry-failed", action="store_true")
    ap.add_argument("--time-limit", type=float, default=0, help="stop starting downloads after this many seconds")
    args = ap.parse_args()

    args.cache.mkdir(parents=True, exist_ok=True)
    ranked = read_ranked(args.tsv, args.top)
    print(f"{len(ranked)} distributions selected (best rank {ranked[0][0] if ranked else '-'}"
          f", worst {ranked[-1][0] if ranked else '-'})", file=sys.stderr)
    start = time.monotonic()
    results: list[dict] = []
    done: set[str] = set()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
        futures = {}
        names = [name for _, name in ranked]
        for i in range(0, len(names), args.batch):
            futures[pool.submit(fetch_batch, names[i:i + args.batch], args.cache, args.retry_failed)] = names[i:i + args.batch]
        for fut in concurrent.futures.as_completed(futures):
            for res in fut.result():
                results.append(res)
                done.add(normalize(res["name"]))
                if not res.get("cached"):
                    status = "ok" if res["ok"] else "FAILED " + res.get("error", "")
                    print(f"[{len(results)}/{len(ranked)}] {res['name']}: {status}", file=sys.stderr)
            if args.time_limit and time.monotonic() - start > args.time_limit:
                print("time limit reached; not starting more downloads (cached results are kept)", file=sys.stderr)
                for f in futures:
                    f.cancel()
                break
    elapsed = time.monotonic() - start
    for _, name in ranked:  # not reached before the time limit: stale cache, else reported
        if normalize(name) in done:
            continue
        entry = read_current(args.cache, name) or read_stale(args.cache, name)
        results.append(entry or {"name": name, "key": normalize(name), "ok": False,
                                 "error": "not attempted (time limit)"})

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
        deps = None
        if res.get("requires_dist") is not None:
            deps = []
            for value in res["requires_dist"]:
                parsed = parse_requires_dist(value)
                if parsed is None or "|" in parsed[2] or "\t" in parsed[2]:
                    print(f"  {res['key']}: Requires-Dist not understood, dropped: {value}", file=sys.stderr)
                    continue
                deps.append(parsed)
        entries.append({"key": res["key"], "version": wheel_version(res["wheel"]), "deps": deps,
                        "source": source, "names": names, "how": res.get("how"),
                        "namespace": namespace_modules(res.get("record") or "", names)})

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(entries, failed, args.top, elapsed), encoding="utf-8")
    n_fallback = sum(1 for e in entries if e["how"] == "unconstrained")
    print(f"wrote {args.out}: {len(entries)} mapped ({sum(e['source'] == 't' for e in entries)} top_level.txt, "
          f"{sum(e['source'] == 'r' for e in entries)} RECORD, {n_fallback} via unconstrained fallback), "
          f"{len(failed)} failed, {sum(e['deps'] is None for e in entries)} without Requires-Dist, {elapsed:.0f}s",
          file=sys.stderr)
    for f in sorted(failed, key=lambda f: f["key"]):
        print(f"  failed: {f['key']}: {f.get('error')}", file=sys.stderr)
    empty = [e["key"] for e in entries if not e["names"]]
    if empty:
        print(f"  no import names: {', '.join(sorted(empty))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
