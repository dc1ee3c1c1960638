#!/bin/sh
# Cold indexing, warm reopen and peak memory of the release binary over a corpus folder.
#
#   scripts/measure.sh [ARTICLES] [FOLDER]      (defaults: 100000, /tmp/dossier-corpus)
#   DOSSIER_BENCH_CORPUS=path/to/reuters_10k.jsonl.gz scripts/measure.sh 100000
#
# Writes ARTICLES articles (the DOSSIER_BENCH_CORPUS file replicated, or generated ones) into
# FOLDER as 100 JSON Lines files, then runs `dossier stats FOLDER` three times under
# `/usr/bin/time -v`: cold (no cache: every article extracted, the cache written), then twice
# warm (every file taken from the cache). Prints wall time, CPU time, peak resident memory
# (`time -v` reports it in KiB; printed in MB = 10^6 bytes) and peak memory over the corpus
# text size.
set -eu
articles=${1:-100000}
folder=${2:-/tmp/dossier-corpus}
cargo build --release --quiet --bin dossier --example bench_corpus
rm -rf "$folder"
target/release/examples/bench_corpus "$articles" "$folder"
log=$(mktemp)
out=$(mktemp)
for run in cold warm warm; do
    /usr/bin/time -v target/release/dossier stats "$folder" >"$out" 2>"$log"
    text=$(tail -n 1 "$out" | sed -n 's/.* \([0-9]*\) bytes).*/\1/p')
    awk -v run="$run" -v text="$text" '
        /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
        /User time/ { user = $NF }
        /System time/ { sys = $NF }
        /Maximum resident set size/ { rss = $NF * 1024 }
        END { printf "%s: %.1f s wall, %.1f s CPU, peak %.0f MB = %.2f x %.1f MB of text\n",
                     run, wall, user + sys, rss / 1e6, rss / text, text / 1e6 }' "$log"
done
rm -f "$log" "$out"
