#!/bin/bash
# Instructions per article of `coder run`, counted by valgrind's callgrind: a machine shared with other work
# changes wall-clock figures from run to run, instruction counts hardly at all.
# Usage: bench/instructions.sh [N] [SEED]   (default 300 articles of bench/make_corpus.py, seed 1; about 10 minutes)
# Runs `coder run` on 1 generated article and on N (fresh output folders, PYTHONHASHSEED=0) and prints
# (instructions of the N-article run - those of the 1-article run) / (N - 1), and the 1-article run's count
# (start-up: imports, resources, the first article). Needs valgrind. PY as in check_same.sh.
set -e
N=${1:-300}; SEED=${2:-1}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-python}
export PYTHONHASHSEED=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$HERE"
$PY bench/make_corpus.py --count 1 --seed "$SEED" --out "$WORK/c1.jsonl" > /dev/null
$PY bench/make_corpus.py --count "$N" --seed "$SEED" --out "$WORK/cN.jsonl" > /dev/null
count() {
    valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" $PY -m coder run "$1" --out "$WORK/out-$2" --quiet \
        > "$WORK/cg-$2.log" 2>&1
    grep -E '^summary:' "$WORK/cg.out" | awk '{print $2}'
}
one=$(count "$WORK/c1.jsonl" 1)
many=$(count "$WORK/cN.jsonl" N)
echo "start-up (1 article): $one instructions"
echo "$N articles: $many instructions"
echo "per article beyond the first: $(( (many - one) / (N - 1) )) instructions"
