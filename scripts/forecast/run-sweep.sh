#!/usr/bin/env bash
# The forecast sweep (docs/theory.md §9): weight decay × train fraction × 3 seeds on the CPU-sized grokking preset,
# one `npm run train` per (train fraction, weight decay) so a partial sweep is still usable. Then
#   npx tsx scripts/forecast/merge-sweep.ts OUTDIR content/data/forecast-sweep.json
# Usage: scripts/forecast/run-sweep.sh OUTDIR "0.6 0.7 0.8"
set -u
out=${1:-/tmp/forecast-sweep}
fractions=${2:-"0.6 0.7 0.8"}
mkdir -p "$out"
for wd in 3 2 1 0.5 0.3 0.2 0.1 0; do
	steps=3000
	[ "$wd" = 0 ] && steps=2000
	for f in $fractions; do
		[ -s "$out/sweep-$f-$wd.json" ] && continue
		npx tsx scripts/train-cli.ts grokking --preset grokking-small --train-fraction "$f" --seeds 1,2,3 \
			--weight-decay "$wd" --steps "$steps" --stop-after-grok 100 --stop-after-sb 250 --out "$out/sweep-$f-$wd.json"
	done
done
