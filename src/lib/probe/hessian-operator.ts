import { prototypeHalfNorms, prototypeScores, prototypeScores4, softmaxRows } from './prototype-scores';
import { loadPoints, scores } from './mixture-fast';
import type { Matrix } from './types';

/**
 * The exact Hessian of F at fixed prototypes as an operator V ↦ HV (the same product as hessianVectorProduct,
 * which stays the plain reference): the responsibilities p_nk do not depend on V, so they are computed once here and
 * each product costs two N·K·d passes (Z·Vᵀ and the rank-4 accumulation of c_nk z_n), four rows at a time, with no
 * exp — what Lanczos calls repeatedly (docs/theory.md §2).
 */
export function hessianOperator(
	Z: Matrix,
	n: number,
	d: number,
	prototypes: Float64Array,
	K: number,
	beta: number
): (V: Float64Array, out: Float64Array) => void {
	const P = new Float64Array(n * K);
	const weight = new Float64Array(K);
	const half = prototypeHalfNorms(prototypes, K, d, new Float64Array(K));
	const blocked = Z instanceof Float64Array;
	const pts = blocked ? loadPoints(Z as Float64Array, n, d, K) : null;
	let r = 0;
	if (pts) {
		// The responsibilities from the kernel's scores (Z·Mᵀ in one pass), then the softmax per row.
		const mem = scores(pts, prototypes, beta);
		P.set(mem.subarray(pts.sOff, pts.sOff + n * K));
		softmaxRows(P, n, K, weight);
		r = n;
	} else if (blocked) {
		for (; r + 4 <= n; r += 4) {
			const s = P.subarray(r * K, (r + 4) * K);
			prototypeScores4(Z, r * d, d, prototypes, K, beta, half, s);
			softmaxRows(s, 4, K, weight);
		}
	}
	for (; r < n; r++) {
		const s = P.subarray(r * K, (r + 1) * K);
		prototypeScores(Z, r * d, d, prototypes, K, beta, half, s);
		softmaxRows(s, 1, K, weight);
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
	const zeroHalf = new Float64Array(K);
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
		let row = 0;
		if (blocked) {
			for (; row + 4 <= n; row += 4) {
				const o0 = row * d;
				const o1 = o0 + d;
				const o2 = o1 + d;
				const o3 = o2 + d;
				prototypeScores4(Z as Float64Array, o0, d, V, K, 1, zeroHalf, zv);
				coefficients(row, 4);
				for (let k = 0; k < K; k++) {
					const m = k * d;
					const c0 = c[k];
					const c1 = c[K + k];
					const c2 = c[2 * K + k];
					const c3 = c[3 * K + k];
					for (let j = 0; j < d; j++) cz[m + j] += c0 * Z[o0 + j] + c1 * Z[o1 + j] + (c2 * Z[o2 + j] + c3 * Z[o3 + j]);
				}
			}
		}
		for (; row < n; row++) {
			const o = row * d;
			prototypeScores(Z, o, d, V, K, 1, zeroHalf, zv);
			coefficients(row, 1);
			for (let k = 0; k < K; k++) {
				const ck = c[k];
				const m = k * d;
				for (let j = 0; j < d; j++) cz[m + j] += ck * Z[o + j];
			}
		}
		for (let k = 0; k < K; k++) {
			for (let j = 0; j < d; j++) {
				const i = k * d + j;
				HV[i] = (weight[k] * V[i] - (cSum[k] * prototypes[i] - cz[i])) / n;
			}
		}
	};
}
