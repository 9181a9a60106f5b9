#!/bin/sh
# Differential fuzzing campaign for railsim's Dockerfile parser against BuildKit's Go parser (PyPI
# `dockerfile`, BuildKit v0.12.5), plus a crash-robustness pass of the whole build on generated files.
#
# Usage: scripts/dockerfile-fuzz.sh [FILES_PER_SEED] [SEEDS] [BUILD_FILES]
#   FILES_PER_SEED  generated files per seed (default 10000)
#   SEEDS           comma-separated seeds (default 1,2,3)
#   BUILD_FILES     files for the whole-build robustness pass (default 20000)
# Disagreeing files and a .diff per file go to $RAILSIM_DOCKERFILE_FUZZ_OUT (default: printed temp dir).
# Needs `pip install dockerfile==3.4.0` for python3; run from the repository root after `swift build --build-tests`.
set -eu
export RAILSIM_DOCKERFILE_FUZZ="${1:-10000}"
export RAILSIM_DOCKERFILE_FUZZ_SEEDS="${2:-1,2,3}"
export RAILSIM_DOCKERFILE_FUZZ_BUILD="${3:-20000}"
exec swift test --disable-xctest --skip-build --filter 'DockerfileOracleTests|DockerfileFuzzBuildTests' 2>&1 \
    | grep -E 'dockerfile (oracle|build fuzz)|✘|Fatal error|passed after|failed after'
