import { mixtureScorer, scoreRows, softmaxRows, type Scorer } from './prototype-scores';
import { loadPoints, scores } from './mixture-fast';
import { addScaledRow, rank4Rows } from './rank4-accumulate';
import type { Mixture, Points } from './types';

/**
 * The exact Hessian of F at fixed prototypes as an operator V ↦ HV (the same product as hessianVectorProduct,
 * which stays the plain reference): the responsibilities p_nk do not depend on V, so they are computed once here and
 * each product costs two N·K·d passes (Z·Vᵀ and the rank-4 accumulation of c_nk z_n), four rows at a time, with no
 * exp — what Lanczos calls repeatedly (docs/theory.md §2).
 */
export function hessianOperator(points: Points, mixture: Mixture): (V: Float64Array, out: Float64Array) => void {
	const { Z, n, d } = points;
	const { prototypes, K, beta } = mixture;
	const P = new Float64Array(n * K);
	const weight = new Float64Array(K);
	const pts = Z instanceof Float64Array ? loadPoints(Z, n, d, K) : null;
	if (pts) {
		// The responsibilities from the kernel's scores (Z·Mᵀ in one pass), then the softmax per row.
		const mem = scores(pts, prototypes, beta);
		P.set(mem.subarray(pts.sOff, pts.sOff + n * K));
		softmaxRows(P, n, K, weight);
	} else {
		const s = new Float64Array(4 * K);
		scoreRows(points, mixtureScorer(mixture, d), s, (r, rows) => {
			softmaxRows(s, rows, K, weight);
			P.set(rows === 4 ? s : s.subarray(0, K), r * K);
		});
	}
	if (pts) {
		// The two passes on the WebAssembly kernels: zv = Z·Vᵀ (`scores`), then cz = cᵀZ (`accum`), with the
		// coefficients c_nk computed here in between (the kernel memory is this operator's until the next load).
		const { k: wk, np, dp, zOff, mOff, sOff, aOff } = pts;
		const mem = new Float64Array(wk.memory.buffer);
		const muV = new Float64Array(K);
		const cSum = new Float64Array(K);
		return (V, HV) => {
			for (let q = 0; q < K; q++) {
				let s = 0;
				for (let j = 0; j < d; j++) {
					const v = V[q * d + j];
					mem[mOff + q * dp + j] = v;
					s += prototypes[q * d + j] * v;
				}
				muV[q] = s;
			}
			wk.scores(zOff * 8, np, dp, mOff * 8, K, sOff * 8);
			cSum.fill(0);
			for (let row = 0; row < n; row++) {
				const o = sOff + row * K;
				const po = row * K;
				let aBar = 0;
				for (let q = 0; q < K; q++) aBar += P[po + q] * (muV[q] - mem[o + q]);
				for (let q = 0; q < K; q++) {
					const cq = beta * P[po + q] * (muV[q] - mem[o + q] - aBar);
					mem[o + q] = cq;
					cSum[q] += cq;
				}
			}
			mem.fill(0, sOff + n * K, sOff + np * K);
			mem.fill(0, aOff, aOff + K * dp);
			wk.accum(zOff * 8, np, dp, sOff * 8, K, aOff * 8);
			for (let q = 0; q < K; q++) {
				for (let j = 0; j < d; j++) {
					const i = q * d + j;
					HV[i] = (weight[q] * V[i] - (cSum[q] * prototypes[i] - mem[aOff + q * dp + j])) / n;
				}
			}
		};
	}
	// z·V_k as "scores" against V with β = 1 and no half norms.
	const byV: Scorer = { prototypes, K, beta: 1, halfNorms: new Float64Array(K) };
	const zv = new Float64Array(4 * K);
	const muV = new Float64Array(K);
	const cSum = new Float64Array(K);
	const cz = new Float64Array(K * d);
	const c = new Float64Array(4 * K);

	return (V, HV) => {
		for (let k = 0; k < K; k++) {
			let s = 0;
			for (let j = 0; j < d; j++) s += prototypes[k * d + j] * V[k * d + j];
			muV[k] = s;
		}
		cSum.fill(0);
		cz.fill(0);
		/** c_qk = β p_qk (a_qk − ā_q) for `rows` rows from z·V_k in zv. */
		const coefficients = (row: number, rows: number) => {
			for (let q = 0; q < rows; q++) {
				const o = (row + q) * K;
				let aBar = 0;
				for (let k = 0; k < K; k++) aBar += P[o + k] * (muV[k] - zv[q * K + k]);
				for (let k = 0; k < K; k++) {
					const ck = beta * P[o + k] * (muV[k] - zv[q * K + k] - aBar);
					c[q * K + k] = ck;
					cSum[k] += ck;
				}
			}
		};
		byV.prototypes = V;
		scoreRows(points, byV, zv, (row, rows) => {
			coefficients(row, rows);
			if (rows === 4) rank4Rows(cz, K, Z as Float64Array, row * d, d, c);
			else for (let k = 0; k < K; k++) addScaledRow(cz, k * d, Z, row * d, d, c[k]);
		});
		for (let k = 0; k < K; k++) {
			for (let j = 0; j < d; j++) {
				const i = k * d + j;
				HV[i] = (weight[k] * V[i] - (cSum[k] * prototypes[i] - cz[i])) / n;
			}
		}
	};
}
