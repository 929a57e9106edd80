/**
 * Merge the per-(train fraction, weight decay) files of scripts/forecast/run-sweep.sh into one sweep document:
 *   npx tsx scripts/forecast/merge-sweep.ts OUTDIR content/data/forecast-sweep.json
 * Keeps every run's trajectory (the forecast's predictors are read from it) and the exact command of each part.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
	console.error('usage: npx tsx scripts/forecast/merge-sweep.ts OUTDIR OUT.json');
	process.exit(2);
}
const files = readdirSync(dir)
	.filter((f) => /^sweep-.*\.json$/.test(f))
	.sort();
if (files.length === 0) {
	console.error(`no sweep-*.json files in ${dir}`);
	process.exit(1);
}
const parts = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
const first = parts[0];
const runs = parts.flatMap((p) => p.runs);
runs.sort((a, b) => a.trainFraction - b.trainFraction || a.weightDecay - b.weightDecay || a.seed - b.seed);
const dates = parts.map((p) => p.date).sort();
const doc = {
	command: 'scripts/forecast/run-sweep.sh OUTDIR "0.6 0.7 0.8" && npx tsx scripts/forecast/merge-sweep.ts OUTDIR content/data/forecast-sweep.json',
	// The parts' --out paths name a scratch folder: written as OUTDIR/… so the file names no path outside the repository.
	parts: parts.map((p) => String(p.command).replace(/--out \S*\/(sweep-[^/\s]+\.json)/, '--out OUTDIR/$1')),
	date: dates[dates.length - 1],
	startDate: dates[0],
	backend: first.backend,
	backendNote: first.backendNote,
	preset: first.preset,
	config: first.config,
	runs
};
writeFileSync(out, JSON.stringify(doc) + '\n');
console.error(`merged ${files.length} files, ${runs.length} runs → ${out}`);
