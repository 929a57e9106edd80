/**
 * Timing of the normal-form simulation (src/lib/dynamics) for the docs/theory.md §5 reference settings, 2000 paths.
 * Run: npx tsx scripts/bench-dynamics.ts
 * Prints wall time (best of a few runs), path-steps actually advanced (escaped paths are dropped), ns per path-step,
 * and how many time steps of 2000 active paths fit in an 8 ms frame budget.
 */
import { simulateNormalForm, type NormalFormParams, type SimulationResult } from '../src/lib/dynamics';

interface Case {
	label: string;
	reference: number;
	params: NormalFormParams;
	repeats: number;
}

const PATHS = 2000;

function ramp(epsilon: number, sigma: number, reference: number): Case {
	return {
		label: `ramp ε=${epsilon} σ=${sigma}`,
		reference,
		repeats: 3,
		params: {
			schedule: { kind: 'ramp', epsilon, t0: -5 / Math.sqrt(epsilon) },
			gamma: 0,
			sigma,
			aTh: 0.1,
			dt: 0.02,
			tMax: 400,
			paths: PATHS,
			seed: 1
		}
	};
}

function plateau(gamma: number, dt: number, reference: number): Case {
	const eta = 0.011 - gamma;
	return {
		label: `plateau γ=${gamma} dt=${dt}`,
		reference,
		repeats: dt < 0.1 ? 1 : 3,
		params: {
			schedule: { kind: 'plateau', mu0: 0.011 },
			gamma,
			sigma: 1e-5,
			aTh: 0.3 * Math.sqrt(eta),
			dt,
			tMax: 50_000,
			paths: PATHS,
			seed: 1
		}
	};
}

/** Path-steps advanced: each path runs from the start until its escape (or the end). */
function pathSteps(r: SimulationResult, dt: number): number {
	let total = 0;
	for (const t of r.escapeTimes) total += Math.round((Math.min(t, r.time) - r.startTime) / dt);
	return total;
}

const cases: Case[] = [
	ramp(1e-2, 1e-2, 16.1),
	ramp(1e-2, 1e-4, 34.3),
	ramp(1e-2, 1e-6, 45.8),
	ramp(1e-2, 1e-8, 55.0),
	ramp(1e-3, 1e-4, 103.7),
	ramp(1e-3, 1e-6, 141.0),
	plateau(0, 0.2, 594),
	plateau(0.008, 0.2, 1771),
	plateau(0.01, 0.2, 4131),
	plateau(0, 0.02, 594),
	plateau(0.008, 0.02, 1771),
	plateau(0.01, 0.02, 4131)
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
