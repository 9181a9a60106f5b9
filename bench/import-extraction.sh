#!/usr/bin/env bash
# Import-extraction throughput of railsim vs a peer, in the same run, on the same files.
# Peer: CPython's own `ast.parse` + walk for Import/ImportFrom nodes (the baseline in
# ../shared/research/python-imports.md §6.1), and `ruff analyze graph` when ruff is installed.
# Usage: bench/import-extraction.sh [DIRECTORY] [RUNS]   (default: the CPython 3.11 stdlib, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(ls -d ~/.pyenv/versions/3.11.*/bin/python3.11 2>/dev/null | tail -n 1 || true)
PY=${PY:-python3}
DIR=${1:-$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
RUNS=${2:-5}

echo "building scan-bench (release)…" >&2
swift build -c release --product scan-bench >&2
RAILSIM=$("$(swift build -c release --show-bin-path)/scan-bench" "$DIR" "$RUNS" | tail -n 1)
echo "$RAILSIM"

PEER=$("$PY" - "$DIR" "$RUNS" <<'PYEOF'
import ast, os, statistics, sys, time
root, runs = sys.argv[1], int(sys.argv[2])
sources = []
for base, dirs, names in os.walk(root):
    dirs[:] = [d for d in dirs if d != "site-packages"]
    for name in names:
        if name.endswith(".py"):
            with open(os.path.join(base, name), "rb") as handle:
                sources.append(handle.read())
size = sum(map(len, sources))
rates = []
for _ in range(runs):
    start = time.perf_counter()
    for source in sources:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            continue
        sum(isinstance(node, (ast.Import, ast.ImportFrom)) for node in ast.walk(tree))
    rates.append(size / 1e6 / (time.perf_counter() - start))
print(f"{statistics.median(rates):.1f}")
PYEOF
)
echo "CPython ast.parse + walk: median $PEER MB/s over $RUNS runs"
OURS=$(echo "$RAILSIM" | sed -E 's/.*median ([0-9.]+) MB\/s.*/\1/')
"$PY" -c "print(f'ratio railsim / ast: {float($OURS) / float($PEER):.1f}x')"

if command -v ruff >/dev/null 2>&1; then
  # ruff excludes site-packages by default, so the corpus is the same. It runs on all cores unless
  # RAYON_NUM_THREADS=1; railsim's figure above is one core, so both are shown.
  BYTES=$(find "$DIR" -name site-packages -prune -o -name '*.py' -print0 | xargs -0 cat | wc -c)
  for threads in 1 all; do
    times=()
    for _ in $(seq "$RUNS"); do
      start=$(date +%s.%N)
      if [ "$threads" = 1 ]; then RAYON_NUM_THREADS=1 ruff analyze graph "$DIR" >/dev/null 2>&1 || true; else ruff analyze graph "$DIR" >/dev/null 2>&1 || true; fi
      end=$(date +%s.%N)
      times+=("$("$PY" -c "print($end - $start)")")
    done
    MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    "$PY" -c "r=$BYTES/1e6/$MEDIAN; print(f'ruff analyze graph ($threads thread(s)): median {r:.1f} MB/s over $RUNS runs; ratio railsim / ruff: {float($OURS)/r:.2f}x')"
  done
fi
