/**
 * Householder reduction of a symmetric matrix to tridiagonal form, T = QᵀAQ with Q = P_0 P_1 ⋯ P_{d−3}.
 * The reflectors are kept (not multiplied out), so only the eigenvectors actually needed are back-transformed
 * (`applyQ`): k·d² work instead of the d³ of accumulating Q. Only the upper triangle is updated, and every
 * inner loop runs over contiguous memory (a strided reflector column made d = 512 ten times slower).
 */
import { householderKernel } from './householder-kernel';
import { wasmKernels } from './wasm/wasm-kernels';

export interface Tridiagonal {
	d: number;
	/** T[i][i]. */
	diag: Float64Array;
	/** off[i] = T[i+1][i]; off[d−1] = 0. */
	off: Float64Array;
	/** Reflector k is v = reflectors[k·d + (k+1 .. d−1)]. */
	reflectors: Float64Array;
	/** P_k = I − tau[k]·v vᵀ (tau 0: identity). */
	tau: Float64Array;
}

export function householderTridiagonal(
	A: Float64Array,
	d: number,
	work?: Float64Array,
	reflectorWork?: Float64Array
): Tridiagonal {
	const kernels = d >= 16 ? wasmKernels() : null;
	return kernels ? householderKernel(kernels, A, d, reflectorWork) : householderReference(A, d, work, reflectorWork);
}

/** The TypeScript reference (the kernels' version is householder-kernel.ts). */
export function householderReference(
	A: Float64Array,
	d: number,
	work?: Float64Array,
	reflectorWork?: Float64Array
): Tridiagonal {
	const W = work && work.length >= d * d ? work : new Float64Array(d * d);
	W.set(A.subarray(0, d * d));
	const R = reflectorWork && reflectorWork.length >= d * d ? reflectorWork : new Float64Array(d * d);
	const diag = new Float64Array(d);
	const off = new Float64Array(d);
	const tau = new Float64Array(d);
	const p = new Float64Array(d);
	// A column whose below-subdiagonal part is below ε·‖A‖ is treated as already reduced: reflecting a (sub)normal
	// tail of a near-zero block (dead ReLU units give whole zero rows) made t = 2/‖v‖² overflow to ∞ and the
	// eigenvectors NaN, while dropping it changes the spectrum by at most ε·‖A‖.
	let scale2 = 0;
	for (let i = 0; i < d * d; i++) scale2 += W[i] * W[i];
	const negligible = 1e-30 * scale2;
	for (let k = 0; k + 2 < d; k++) {
		const s0 = k + 1;
		const rowK = k * d;
		diag[k] = W[rowK + k];
		// x = A[k, k+1..], from the up-to-date upper triangle.
		const x0 = W[rowK + s0];
		let tail2 = 0;
		for (let i = s0 + 1; i < d; i++) tail2 += W[rowK + i] * W[rowK + i];
		if (tail2 <= negligible) {
			off[k] = x0; // already tridiagonal in this column: no reflection
			tau[k] = 0;
			continue;
		}
		const norm = Math.sqrt(tail2 + x0 * x0);
		const alpha = x0 > 0 ? -norm : norm;
		const v = R.subarray(rowK, rowK + d);
		v[s0] = x0 - alpha; // v = x − α e1
		for (let i = s0 + 1; i < d; i++) v[i] = W[rowK + i];
		const t = 2 / ((x0 - alpha) * (x0 - alpha) + tail2);
		tau[k] = t;
		off[k] = alpha;
		// p = t·B v on the trailing block B (upper triangle read, symmetric).
		for (let i = s0; i < d; i++) p[i] = 0;
		for (let i = s0; i < d; i++) {
			const vi = v[i];
			const row = i * d;
			let acc = W[row + i] * vi;
			for (let j = i + 1; j < d; j++) {
				const b = W[row + j];
				acc += b * v[j];
				p[j] += b * vi;
			}
			p[i] += acc;
		}
		let vp = 0;
		for (let i = s0; i < d; i++) {
			p[i] *= t;
			vp += v[i] * p[i];
		}
		const half = 0.5 * t * vp;
		for (let i = s0; i < d; i++) p[i] -= half * v[i]; // q = p − (t vᵀp / 2) v
		// B ← B − v qᵀ − q vᵀ (upper triangle only).
		for (let i = s0; i < d; i++) {
			const vi = v[i];
			const qi = p[i];
			const row = i * d;
			for (let j = i; j < d; j++) W[row + j] -= vi * p[j] + qi * v[j];
		}
	}
	if (d >= 2) {
		diag[d - 2] = W[(d - 2) * d + d - 2];
		off[d - 2] = W[(d - 2) * d + d - 1];
	}
	if (d >= 1) diag[d - 1] = W[(d - 1) * d + d - 1];
	return { d, diag, off, reflectors: R, tau };
}

/** x ← Q x for a vector x given in the tridiagonal basis (x = P_0(P_1(⋯ P_{d−3} x))). */
export function applyQ(t: Tridiagonal, x: Float64Array): void {
	const { d, reflectors: R, tau } = t;
	for (let k = d - 3; k >= 0; k--) {
		const tk = tau[k];
		if (tk === 0) continue;
		const o = k * d;
		let dot = 0;
		for (let i = k + 1; i < d; i++) dot += R[o + i] * x[i];
		const f = tk * dot;
		for (let i = k + 1; i < d; i++) x[i] -= f * R[o + i];
	}
}
