import { afterEach, describe, expect, it } from 'vitest';
import { gaussianCloud } from './gaussian-cloud';
import { covarianceOfCentred } from './covariance-of-centred';
import { emStep } from './em-step';
import { mixtureScorer, prototypeScores, prototypeScores4 } from './prototype-scores';
import { disableWasmKernels } from './wasm/wasm-kernels';

// The unrolled kernels are deliberate twins of plain loops (see the note in index.ts); each must equal its plain
// version, including the odd tails (n, d, K not multiples of the unrolling).
const relErr = (a: ArrayLike<number>, b: ArrayLike<number>) => {
	let num = 0;
	let den = 0;
	for (let i = 0; i < a.length; i++) {
		num = Math.max(num, Math.abs(a[i] - b[i]));
		den = Math.max(den, Math.abs(b[i]));
	}
	return num / den;
};

describe('unrolled probe kernels equal their plain versions', () => {
	afterEach(() => disableWasmKernels(false));

	for (const [n, d, K] of [[13, 7, 3], [16, 8, 4], [9, 5, 1]] as const) {
		const Z = Float64Array.from(Float32Array.from(gaussianCloud(n, Array.from({ length: d }, (_, i) => 2 / (1 + i)), n * d + K, { rotate: true }).Z));
		const M = Z.slice(0, K * d).map((v, i) => v + 0.1 * Math.sin(i));

		it(`scores four rows at once (n ${n}, d ${d}, K ${K})`, () => {
			const scorer = mixtureScorer({ prototypes: M, K, beta: 1.7 }, d);
			const four = new Float64Array(4 * K);
			prototypeScores4(Z, 0, d, scorer, four);
			const one = new Float64Array(4 * K);
			for (let q = 0; q < 4; q++) prototypeScores(Z, q * d, d, scorer, one.subarray(q * K, (q + 1) * K));
			expect(relErr(four, one)).toBeLessThan(1e-13);
		});

		it(`covariance: four-row blocks equal the plain sum (n ${n}, d ${d})`, () => {
			const plain = new Float64Array(d * d);
			for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) plain[i * d + j] += Z[r * d + i] * Z[r * d + j];
			const C = covarianceOfCentred(Z, n, d);
			expect(relErr(C, plain.map((v) => v / n))).toBeLessThan(1e-13);
		});

		it(`EM step: float64 blocked path equals the float32 simple path on the same values (n ${n}, d ${d}, K ${K})`, () => {
			disableWasmKernels(true);
			const blocked = emStep({ Z, n, d }, { prototypes: M, K, beta: 1.3 });
			const simple = emStep({ Z: Float32Array.from(Z), n, d }, { prototypes: M, K, beta: 1.3 });
			expect(relErr(blocked, simple)).toBeLessThan(1e-12);
		});
	}
});
