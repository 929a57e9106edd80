// `npm run bench:probe-threads [-- --json]`: where the probe's Node threads (src/lib/probe/threads/) pay off — cov32,
// one EM step and the free energy on float32 rows, one thread against a 2-thread pool forced on (minWork 0), over
// shapes from tiny to the largest; prints the work per call (as threadsFor in float32-kernels.ts counts it)
// so DEFAULT_MIN_WORK (probe-threads.ts) can be read off as the crossover. Each row gives the 1-minute load average: on a shared 2-core machine other
// work takes the second core, so repeat when quiet.
// Then whole probe updates (probeSnapshot, K 8, 5 EM steps, as bench:compare) with and without the pool, calls
// interleaved so both sides see the same load; the minimum over the repetitions is the best case with a free core.
import { loadavg } from 'node:os';
import { covariance32, emStep32, freeEnergy32, loadPoints32, type Points32 } from '../src/lib/probe/float32-kernels';
import { gaussianCloud } from '../src/lib/probe/gaussian-cloud';
import { createProbeState } from '../src/lib/probe/create-probe-state';
import { probeSnapshot } from '../src/lib/probe/probe-snapshot';
import type { ProbeState } from '../src/lib/probe/types';
import { median } from './bench-timing';
import { createRng } from '../src/lib/random';
import { createProbeThreads } from '../src/lib/probe/threads/probe-threads';
import { timeIt } from './bench-timing';

const json = process.argv.includes('--json');
const SHAPES: [number, number][] = [
	[256, 32],
	[512, 64],
	[1024, 64],
	[1024, 128],
	[2048, 128],
	[4096, 256],
	[8192, 512]
];
const K = 8;

const pool = createProbeThreads(2, { minWork: 0 });
const rows: Record<string, unknown>[] = [];
for (const [n, d] of SHAPES) {
	const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.05);
	const Z = Float32Array.from(gaussianCloud(n, variances, 17, { rotate: true }).Z);
	const rng = createRng(3);
	const M = Float64Array.from({ length: K * d }, () => 0.3 * rng.normal());
	const out = new Float64Array(K * d);
	const dp = Math.ceil(d / 8) * 8;
	const kernels: [string, number, (p: Points32) => void][] = [
		['cov32', (n * dp * dp) / 8, (p) => covariance32(p)], // f32x4 multiply-adds count a quarter (float32-kernels.ts)
		['em step', 2 * n * K * dp, (p) => emStep32(p, M, 1, out)],
		['free energy', n * K * dp, (p) => freeEnergy32(p, M, 1)]
	];
	for (const [what, work, fn] of kernels) {
		const ms: number[] = [];
		for (const threads of [null, pool]) {
			const pts = loadPoints32(Z, n, d, K, threads)!;
			ms.push(timeIt(() => fn(pts), { budget: 600 }).median);
		}
		const row = { what, n, d, K, work, one_ms: ms[0], two_ms: ms[1], speedup: ms[0] / ms[1], load_average_1min: loadavg()[0] };
		rows.push(row);
		if (json) console.log(JSON.stringify(row));
		else
			console.log(
				`${what.padEnd(12)} N ${String(n).padStart(5)} × d ${String(d).padStart(3)}  work ${work.toExponential(1)}  ` +
					`1 thread ${ms[0].toFixed(3)} ms  2 threads ${ms[1].toFixed(3)} ms  speed-up ${(ms[0] / ms[1]).toFixed(2)}  load ${loadavg()[0].toFixed(1)}`
			);
	}
}
await pool.close();

const twoThreads = createProbeThreads(2);
for (const [n, d] of [
	[2048, 128],
	[8192, 512],
	[9409, 256]
] as const) {
	const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.05);
	const Z = Float32Array.from(gaussianCloud(n, variances, 17, { rotate: true }).Z);
	const beta = { mode: 'fixed' as const, beta: 1.5 / variances[0] };
	const sides = [null, twoThreads].map((threads) => {
		let state: ProbeState = createProbeState(d, 8, 1);
		for (let i = 0; i < 5; i++) state = probeSnapshot(Z, n, d, beta, state, { threads }).state;
		return { threads, state, ms: [] as number[] };
	});
	const reps = n * d > 2e6 ? 15 : 60;
	for (let r = 0; r < reps; r++) {
		for (const side of sides) {
			const t0 = performance.now();
			probeSnapshot(Z, n, d, beta, side.state, { threads: side.threads });
			side.ms.push(performance.now() - t0);
		}
	}
	const [one, two] = sides.map((x) => ({ min: Math.min(...x.ms), median: median(x.ms) }));
	const workerShare = twoThreads.workerRanges();
	const row = { what: `probe update N ${n} x d ${d}, K 8`, one_min_ms: one.min, two_min_ms: two.min, one_median_ms: one.median, two_median_ms: two.median, reps, worker_ranges_total: workerShare, load_average_1min: loadavg()[0] };
	if (json) console.log(JSON.stringify(row));
	else
		console.log(
			`${row.what}: 1 thread min ${one.min.toFixed(2)} / median ${one.median.toFixed(2)} ms, 2 threads min ${two.min.toFixed(2)} / median ${two.median.toFixed(2)} ms ` +
				`(${reps} interleaved repetitions; ranges run by the worker so far ${workerShare}; load ${loadavg()[0].toFixed(1)})`
		);
}
await twoThreads.close();
