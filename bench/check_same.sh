#!/bin/bash
# Re-run the coder on the four reference inputs and compare with reference outputs made by unchanged code.
# Usage: bench/check_same.sh REF_PREFIX NEW_PREFIX   (e.g. /tmp/s6_ref /tmp/s6_new; folders PREFIX_{ex,gen,acled,dev})
# Both sets must be made with the same PYTHONHASHSEED (0 by default here).
# Needs /tmp/s6_corpus.jsonl (bench/make_corpus.py --count 1000 --seed 7) and /tmp/s6_notes.jsonl
# (coder acled-articles ../shared/reference/acled-iraq-2020/events.csv).
set -e
REF=$1; NEW=$2
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-python}
export PYTHONHASHSEED=${PYTHONHASHSEED:-0}  # fixed, to be safe: before the fix in places._transpositions one ACLED note depended on it
rm -rf ${NEW}_ex ${NEW}_gen ${NEW}_acled ${NEW}_dev
cd "$HERE"
$PY -m coder run examples/seeds examples/own --out ${NEW}_ex --quiet
$PY -m coder run /tmp/s6_corpus.jsonl --out ${NEW}_gen --quiet
$PY -m coder run /tmp/s6_notes.jsonl --out ${NEW}_acled --quiet
$PY -m coder run tests/data/devset/articles.jsonl --out ${NEW}_dev --quiet
$PY bench/same_output.py ${REF}_ex ${NEW}_ex ${REF}_gen ${NEW}_gen ${REF}_acled ${NEW}_acled ${REF}_dev ${NEW}_dev
