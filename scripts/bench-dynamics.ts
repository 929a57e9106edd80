/**
 * Timing of the normal-form simulation (src/lib/dynamics) for the docs/theory.md §5 reference settings, 2000 paths.
 * Run: npx tsx scripts/bench-dynamics.ts
 * Prints wall time (best of a few runs), path-steps actually advanced (escaped paths are dropped), ns per path-step,
 * and how many time steps of 2000 active paths fit in an 8 ms frame budget.
 */
import {
	PLATEAU_REFERENCES,
	plateauReference,
	RAMP_REFERENCES,
	REFERENCE_PATHS as PATHS,
	rampReference,
	simulateNormalForm,
	type NormalFormParams,
	type SimulationResult
} from '../src/lib/dynamics';

interface Case {
	label: string;
	reference: number;
	params: NormalFormParams;
	repeats: number;
}

/** Path-steps advanced: each path runs from the start until its escape (or the end). */
function pathSteps(r: SimulationResult, dt: number): number {
	let total = 0;
	for (const t of r.escapeTimes) total += Math.round((Math.min(t, r.time) - r.startTime) / dt);
	return total;
}

const cases: Case[] = [
	...RAMP_REFERENCES.map(({ epsilon, sigma, median }) => ({
		label: `ramp ε=${epsilon} σ=${sigma}`,
		reference: median,
		repeats: 3,
		params: rampReference(epsilon, sigma)
	})),
	...[0.2, 0.02].flatMap((dt) =>
		PLATEAU_REFERENCES.map(({ gamma, median }) => ({
			label: `plateau γ=${gamma} dt=${dt}`,
			reference: median,
			repeats: dt < 0.1 ? 1 : 3,
			params: plateauReference(gamma, dt)
		}))
	)
];

// Warm up the JIT.
simulateNormalForm({ ...cases[1].params, paths: 200 });

const rows: string[][] = [];
for (const c of cases) {
	let best = Infinity;
	let result: SimulationResult | null = null;
	for (let k = 0; k < c.repeats; k++) {
		const started = performance.now();
		result = simulateNormalForm(c.params);
		best = Math.min(best, performance.now() - started);
	}
	const r = result as SimulationResult;
	const steps = pathSteps(r, c.params.dt);
	const nsPerPathStep = (best * 1e6) / steps;
	rows.push([
		c.label,
		best.toFixed(0),
		(steps / 1e6).toFixed(1),
		nsPerPathStep.toFixed(1),
		Math.floor(8e6 / (nsPerPathStep * PATHS)).toString(),
		r.median.toFixed(1),
		c.reference.toString(),
		r.prediction === null ? '–' : r.prediction.toFixed(1)
	]);
}

const header = ['case (2000 paths)', 'ms', 'Mpath-steps', 'ns/path-step', 'steps/8ms', 'median', 'spec ref', 'formula'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
