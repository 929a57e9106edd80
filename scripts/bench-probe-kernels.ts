// `npm run bench:kernels`: how close each probe kernel runs to the machine's ceiling. The ceiling is measured, not
// assumed: bench/kernels-peak.wat (assembled here with wat2wasm; skipped with a note where it is missing) runs 12
// independent mul+add chains with no memory traffic, for f32x4 and f64x2. Each kernel's GFLOP/s counts only useful
// flops (a multiply-add = 2), so padding and the wasted lower half of diagonal tiles count against it.
// Options: --n 2048 --d 128 (one shape; default the three shapes of bench:compare).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gaussianCloud } from '../src/lib/probe/gaussian-cloud';
import { covariance32, emStep32, freeEnergy32, loadPoints32 } from '../src/lib/probe/float32-kernels';
import { householderTridiagonal } from '../src/lib/probe/householder-tridiagonal';
import { symmetricEigen } from '../src/lib/probe/symmetric-eigen';
import { createRng } from '../src/lib/random';
import { timeIt } from './bench-timing';

const args = process.argv.slice(2);
const pick = (flag: string) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : null);
const shapes: [number, number][] = pick('--n') && pick('--d') ? [[pick('--n')!, pick('--d')!]] : [[2048, 128], [9409, 256], [8192, 512]];
const K = 8;

const time = (fn: () => void, budget = 800, maxReps = 15) => timeIt(fn, { budget, maxReps, warmCalls: 50 }).median;

function peaks(): { f32: number; f64: number } | string {
	const dir = mkdtempSync(join(tmpdir(), 'kernels-peak-'));
	try {
		const out = join(dir, 'peak.wasm');
		const r = spawnSync('wat2wasm', ['bench/kernels-peak.wat', '-o', out], { encoding: 'utf8' });
		if (r.error || r.status !== 0) return `ceiling not measured: wat2wasm unavailable (${r.error?.message ?? r.stderr.trim()}; apt-get install wabt)`;
		const ex = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(out))).exports as Record<string, (n: number) => number>;
		const n = 2e7;
		const rate = (name: string, lanes: number) => {
			ex[name](1e5);
			return (n * 12 * lanes * 2) / Math.min(...Array.from({ length: 5 }, () => time(() => ex[name](n), 0, 1))) / 1e6;
		};
		return { f32: rate('peak32', 4), f64: rate('peak64', 2) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const peak = peaks();
const ceiling = typeof peak === 'string' ? null : peak;
console.log(`probe kernels against the wasm SIMD-128 ceiling (node ${process.version}, load average ${loadavg()[0].toFixed(1)})`);
console.log(ceiling ? `ceiling (mul+add, no loads): f32x4 ${ceiling.f32.toFixed(1)} GFLOP/s, f64x2 ${ceiling.f64.toFixed(1)} GFLOP/s` : peak);
const pct = (g: number, c: number | undefined) => (c ? ` (${((100 * g) / c).toFixed(0)}% of ceiling)` : '');
for (const [n, d] of shapes) {
	const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.05);
	const Z = Float32Array.from(gaussianCloud(n, variances, 17, { rotate: true }).Z);
	const rng = createRng(3);
	const M = Float64Array.from({ length: K * d }, () => 0.3 * rng.normal());
	const out = new Float64Array(K * d);
	const load = time(() => loadPoints32(Z, n, d, K));
	const pts = loadPoints32(Z, n, d, K)!;
	const C = covariance32(pts);
	const cov = time(() => covariance32(pts, C));
	const em = time(() => emStep32(pts, M, 1.5, out));
	const fe = time(() => freeEnergy32(pts, M, 1.5));
	const house = time(() => householderTridiagonal(C, d));
	const eig = time(() => symmetricEigen(C, d, 8));
	const g = (flops: number, ms: number) => flops / ms / 1e6;
	const rows: [string, number, number | null, number | undefined][] = [
		['copy in + centre (2 passes)', load, null, undefined],
		['covariance (cov32, f32x4)', cov, g(n * d * (d + 1), cov), ceiling?.f32],
		['EM step (em32: E + M, f64x2)', em, g(4 * n * K * d, em), ceiling?.f64],
		['free energy (em32: E only)', fe, g(2 * n * K * d, fe), ceiling?.f64],
		['Householder (symv + syr2, f64x2)', house, g((4 / 3) * d * d * d, house), ceiling?.f64],
		['dense eigen, top 8 vectors', eig, null, undefined]
	];
	console.log(`\nN ${n} × d ${d}, K ${K}`);
	for (const [what, ms, gf, c] of rows) console.log(`  ${what.padEnd(34)} ${ms.toFixed(2).padStart(8)} ms${gf !== null ? `   ${gf.toFixed(1)} GFLOP/s${pct(gf, c)}` : ''}`);
}
