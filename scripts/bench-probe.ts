// `npm run bench:probe`: one full probe update (covariance + spectrum + 5 EM steps + free energy) for
// N ∈ {512, 2048, 8192}, d ∈ {32, 128, 512}, K = 8, float32 rows (as the worker sends them: the float32 kernels,
// float32-kernels.ts); median of several repetitions after warm-up.
// Options: --quick (fewer repetitions), --n 2048 --d 128 (one cell).
import { timeIt } from './bench-timing';
import { covariance32, freeEnergy32, loadPoints32 } from '../src/lib/probe/float32-kernels';
import {
	blockPowerEigen,
	centreRows,
	covarianceOfCentred,
	createProbeState,
	gaussianCloud,
	probeSnapshot,
	runEM,
	topEigenpairs,
	type ProbeState
} from '../src/lib/probe/index';

const K = 8;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const pick = (flag: string) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : null);
const Ns = pick('--n') ? [pick('--n')!] : [512, 2048, 8192];
const Ds = pick('--d') ? [pick('--d')!] : [32, 128, 512];

let lastMin = 0;
/** Times fn: two warm-up calls, then repetitions until ~budget ms or maxReps (at least 3); median, min in lastMin. */
function time(fn: () => void, budget = quick ? 300 : 1500, maxReps = quick ? 5 : 21): number {
	const t = timeIt(fn, { budget, maxReps, warmCalls: 2, warmMs: Infinity });
	lastMin = t.min;
	return t.median;
}

const rows: string[][] = [];
for (const n of Ns) {
	for (const d of Ds) {
		// A spectrum with a few strong directions (like trained hidden states), in a random rotation, as float32.
		const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.05);
		const Z = Float32Array.from(gaussianCloud(n, variances, 17, { rotate: true }).Z);
		const beta = { mode: 'fixed' as const, beta: 1.5 / variances[0] };
		let state: ProbeState = createProbeState(d, K, 1);
		for (let i = 0; i < 3; i++) state = probeSnapshot(Z, n, d, beta, state).state; // warm prototypes

		const full = time(() => {
			probeSnapshot(Z, n, d, beta, state);
		});
		const fullMin = lastMin;
		// The parts as probeSnapshot runs them on float32 rows (float32-kernels.ts): copy in + centre + covariance.
		const cov = new Float64Array(d * d);
		const covMs = time(() => covariance32(loadPoints32(Z, n, d, K)!, cov));
		const work = new Float64Array(d * d);
		const eigMs = time(() => topEigenpairs(cov, d, 8, { work }));
		// Warm-started block iteration for the top 8, warm vectors from a neighbouring snapshot (another sample).
		const other = Float32Array.from(gaussianCloud(n, variances, 18, { rotate: true }).Z);
		const warm = topEigenpairs(covarianceOfCentred(centreRows(other, n, d).centred, n, d), d, 8).vectors;
		let blockIterations = 0;
		const blockMs = time(() => {
			blockIterations = blockPowerEigen(cov, d, 8, { warm, tol: 1e-8 }).iterations;
		});
		const pts = loadPoints32(Z, n, d, K)!;
		const emMs = time(() => {
			const em = runEM(pts, n, d, state.prototypes!, K, beta.beta, { steps: 5 });
			freeEnergy32(pts, em.prototypes, beta.beta);
		});
		rows.push([
			String(n),
			String(d),
			full.toFixed(2),
			fullMin.toFixed(2),
			covMs.toFixed(2),
			eigMs.toFixed(2),
			emMs.toFixed(2),
			`${blockMs.toFixed(2)} (${blockIterations} it)`
		]);
		process.stderr.write(`N=${n} d=${d}: ${full.toFixed(2)} ms\n`);
	}
}

const head = ['N', 'd', 'full ms', 'full min', 'copy+centre+cov', 'spectrum (dense)', 'EM×5 + F', 'top-8 block, warm'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(`probe update, K = ${K}, top-8 eigenpairs, 5 EM steps (median ms; node ${process.version})`);
console.log('full = probeSnapshot; the other columns time its parts alone. The last column is not part of the');
console.log('update: warm-started block iteration to residual 1e-8·λ1, for comparison with the dense solver.');
console.log(line(head));
for (const r of rows) console.log(line(r));
