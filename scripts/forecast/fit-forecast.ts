/**
 * Fit and validate the forecast (docs/theory.md §9) from the saved sweep, and write the study:
 *   npx tsx scripts/forecast/fit-forecast.ts [content/data/forecast-sweep.json] [content/data/grokking-sweep.json]
 * → content/data/forecast-fit.json, plus a printed summary. src/lib/forecast/fit-document.spec.ts recomputes it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildForecastFit } from '../../src/lib/forecast/fit-document';

const [sweepFile = 'content/data/forecast-sweep.json', transferFile = 'content/data/grokking-sweep.json', out = 'content/data/forecast-fit.json'] =
	process.argv.slice(2);
const sweep = JSON.parse(readFileSync(sweepFile, 'utf8'));
const transfer = JSON.parse(readFileSync(transferFile, 'utf8'));
const doc = buildForecastFit(sweep, transfer);
const { points: _p, ...tr } = doc.transfer ?? { points: [] };
writeFileSync(
	out,
	JSON.stringify({ command: `npx tsx scripts/forecast/fit-forecast.ts ${sweepFile} ${transferFile}`, date: new Date().toISOString(), ...doc }) + '\n'
);
const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
for (const split of ['seed', 'fraction'] as const) {
	for (const [name, e] of Object.entries(doc.heldOut[split])) {
		const s = e.scores;
		console.log(`${split.padEnd(8)} ${name.padEnd(6)} n ${s.n} acc ${f(s.accuracy)}  timed ${s.nTimed} median|ln| ${f(s.medianAbsLog)} (×${f(Math.exp(s.medianAbsLog))}) within×1.5 ${f(s.within15)}`);
	}
}
console.log('probe beats baseline:', doc.probeBeatsBaseline, 'rangeLog', doc.rangeLog);
console.log('transfer', JSON.stringify(tr));
console.log(`wrote ${out}`);
