import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../random';
import { covariance32, emStep32, freeEnergy32, loadPoints32 } from '../float32-kernels';
import { gaussianCloud } from '../gaussian-cloud';
import { probeSnapshot } from '../probe-snapshot';
import { splitRows, type KernelThreads } from './kernel-threads';
import { createProbeThreads, sharedProbeThreads } from './probe-threads';

// minWork 0: every call goes to the threads, however small (the shapes here are small for speed).
const pools = [createProbeThreads(2, { minWork: 0 }), createProbeThreads(3, { minWork: 0 })];
afterAll(async () => {
	for (const pool of pools) await pool.close();
});

function cloud(n: number, d: number, seed: number): Float32Array {
	const variances = Array.from({ length: d }, (_, i) => 3 / (1 + i));
	return Float32Array.from(gaussianCloud(n, variances, seed, { rotate: true, mean: Array(d).fill(5) }).Z);
}

// N not a multiple of the 128-row block nor of 2 (odd row ranges), d odd and not a multiple of 8; N < 128·threads.
const SHAPES: [number, number, number][] = [
	[1000, 128, 8],
	[777, 131, 5],
	[203, 33, 3],
	[129, 9, 11],
	[2051, 64, 8]
];

describe('probe threads (shared-memory workers) against the single-thread kernels', () => {
	it('splitRows: inner bounds on the alignment, covering [0, n)', () => {
		expect(splitRows(1000, 2, 128)).toEqual([0, 512, 1000]);
		expect(splitRows(777, 3, 2)).toEqual([0, 260, 518, 777]);
		expect(splitRows(100, 2, 128)).toEqual([0, 0, 100]);
	});

	for (const pool of pools) {
		for (const [n, d, K] of SHAPES) {
			it(`${pool.count} threads, N ${n} × d ${d}, K ${K}: Σ within 1e-6·√(Σ_ii Σ_jj); EM, F within 1e-12 relative; bit-identical twice`, () => {
				const Z = cloud(n, d, n + d);
				const one = loadPoints32(Z, n, d, K)!;
				const C1 = covariance32(one);
				const rng = createRng(K + d);
				const M = Float64Array.from({ length: K * d }, () => 0.5 * rng.normal());
				const em1 = [0.3, 2, 20].map((b) => emStep32(one, M, b, new Float64Array(K * d)));
				const f1 = [0.3, 2, 20].map((b) => freeEnergy32(one, M, b));

				const runThreaded = () => {
					const pts = loadPoints32(Z, n, d, K, pool)!;
					expect(pts.threads).toBe(pool);
					return {
						C: covariance32(pts),
						em: [0.3, 2, 20].map((b) => emStep32(pts, M, b, new Float64Array(K * d))),
						f: [0.3, 2, 20].map((b) => freeEnergy32(pts, M, b))
					};
				};
				const a = runThreaded();
				let worst = 0;
				for (let i = 0; i < d; i++) {
					for (let j = 0; j < d; j++) {
						worst = Math.max(worst, Math.abs(a.C[i * d + j] - C1[i * d + j]) / Math.sqrt(C1[i * d + i] * C1[j * d + j]));
						expect(a.C[i * d + j]).toBe(a.C[j * d + i]);
					}
				}
				expect(worst).toBeLessThan(1e-6);
				for (let s = 0; s < 3; s++) {
					for (let i = 0; i < K * d; i++) expect(Math.abs(a.em[s][i] - em1[s][i])).toBeLessThan(1e-12 * (1 + Math.abs(em1[s][i])));
					expect(Math.abs(a.f[s] - f1[s])).toBeLessThan(1e-12 * Math.abs(f1[s]));
				}
				// The threads really split the work: partial sums in another order differ from one thread somewhere.
				const differs = a.C.some((v, i) => v !== C1[i]) || a.em.some((e, s) => e.some((v, i) => v !== em1[s][i]));
				if (n >= 2 * 128) expect(differs).toBe(true);
				const b = runThreaded();
				expect(Array.from(b.C)).toEqual(Array.from(a.C));
				for (let s = 0; s < 3; s++) {
					expect(Array.from(b.em[s])).toEqual(Array.from(a.em[s]));
					expect(b.f[s]).toBe(a.f[s]);
				}
			});
		}
	}

	it('which thread ran which row range never changes a bit (the same ranges all on the caller)', () => {
		const pool = pools[0];
		const caller: KernelThreads = {
			k: pool.k,
			count: pool.count,
			chunks: pool.chunks,
			minWork: 0,
			run: (op, args) => {
				for (const a of args) (pool.k[op] as (...x: number[]) => void)(...a);
			}
		};
		const [n, d, K] = [2051, 64, 8];
		const Z = cloud(n, d, 5);
		const rng = createRng(9);
		const M = Float64Array.from({ length: K * d }, () => 0.5 * rng.normal());
		const results = [pool, caller].map((threads) => {
			const pts = loadPoints32(Z, n, d, K, threads)!;
			return [...covariance32(pts), ...emStep32(pts, M, 2, new Float64Array(K * d)), freeEnergy32(pts, M, 2)];
		});
		expect(results[0]).toEqual(results[1]);
	});

	it('probeSnapshot with { threads }: the same ρ, λ and prototypes as without, to the tolerances', () => {
		const n = 1500;
		const d = 40;
		const Z = cloud(n, d, 7);
		const beta = { mode: 'fixed' as const, beta: 1 };
		const one = probeSnapshot(Z, n, d, beta, null, { K: 4 }).result;
		const two = probeSnapshot(Z, n, d, beta, null, { K: 4, threads: pools[0] }).result;
		expect(Math.abs(two.rho - one.rho)).toBeLessThan(1e-6 * one.rho);
		for (let i = 0; i < 8; i++) expect(Math.abs(two.lambdas[i] - one.lambdas[i])).toBeLessThan(1e-6 * one.lambda1);
		for (let i = 0; i < 4 * d; i++) expect(Math.abs(two.prototypes[i] - one.prototypes[i])).toBeLessThan(1e-6 * Math.sqrt(one.lambda1) * (1 + Math.abs(one.prototypes[i])));
		expect(Math.abs(two.freeEnergy - one.freeEnergy)).toBeLessThan(1e-9 * Math.abs(one.freeEnergy));
	});

	it('with the default threshold, a small snapshot stays on one thread (bit-identical to no pool)', async () => {
		const pool = createProbeThreads(2);
		const n = 300;
		const d = 16;
		const Z = cloud(n, d, 4);
		const C1 = covariance32(loadPoints32(Z, n, d, 4)!);
		const pts = loadPoints32(Z, n, d, 4, pool)!;
		expect(pts.threads).toBe(pool);
		expect(Array.from(covariance32(pts))).toEqual(Array.from(C1));
		await pool.close();
	});

	it('a range that traps fails the call with a message, and the pool keeps working', () => {
		const pool = pools[0];
		const n = 600;
		const d = 16;
		const Z = cloud(n, d, 8);
		const pts = loadPoints32(Z, n, d, 4, pool)!;
		const before = Array.from(covariance32(pts));
		const ranges = Array.from({ length: pool.chunks }, () => [pts.cen, 1, pts.dp, pts.parts[1].cov, 128, pts.rs]);
		ranges[3] = [2 ** 31 - 64, 1, pts.dp, pts.parts[1].cov, 128, pts.rs]; // rows far beyond the memory
		expect(() => pool.run('cov32', ranges)).toThrow(/cov32 failed/);
		expect(Array.from(covariance32(pts))).toEqual(before);
	});

	it('the CLI pool is off for --workers 1', () => {
		expect(sharedProbeThreads(1)).toBeNull();
	});

	it('a closed pool refuses work and close() resolves (the workers exit)', async () => {
		const pool = createProbeThreads(2, { minWork: 0 });
		const Z = cloud(300, 16, 1);
		const pts = loadPoints32(Z, 300, 16, 4, pool)!;
		covariance32(pts);
		await pool.close();
		expect(() => covariance32(pts)).toThrow(/after close/);
	});
});
