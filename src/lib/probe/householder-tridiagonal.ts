/**
 * Householder reduction of a symmetric matrix to tridiagonal form, T = QᵀAQ with Q = P_0 P_1 ⋯ P_{d−3}.
 * The reflectors are kept (not multiplied out), so only the eigenvectors actually needed are back-transformed
 * (`applyQ`): k·d² work instead of the d³ of accumulating Q.
 */
export interface Tridiagonal {
	d: number;
	/** T[i][i]. */
	diag: Float64Array;
	/** off[i] = T[i+1][i]; off[d−1] = 0. */
	off: Float64Array;
	/** Reflector k lives in column k below the diagonal: v = work[(k+1..d−1)·d + k]. */
	work: Float64Array;
	/** P_k = I − tau[k]·v vᵀ (tau 0: identity). */
	tau: Float64Array;
}

export function householderTridiagonal(A: Float64Array, d: number, work?: Float64Array): Tridiagonal {
	const W = work && work.length >= d * d ? work : new Float64Array(d * d);
	W.set(A.subarray(0, d * d));
	const diag = new Float64Array(d);
	const off = new Float64Array(d);
	const tau = new Float64Array(d);
	const p = new Float64Array(d);
	for (let k = 0; k + 2 < d; k++) {
		const s0 = k + 1;
		// x = A[k, k+1..] from the (up to date) upper triangle; v is stored in the stale lower column k.
		const rowK = k * d;
		let tail2 = 0;
		for (let i = s0 + 1; i < d; i++) {
			const xi = W[rowK + i];
			W[i * d + k] = xi;
			tail2 += xi * xi;
		}
		diag[k] = W[rowK + k];
		const x0 = W[rowK + s0];
		const norm2 = tail2 + x0 * x0;
		if (tail2 === 0) {
			// Column already tridiagonal: no reflection.
			off[k] = x0;
			tau[k] = 0;
			continue;
		}
		const alpha = x0 > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
		W[s0 * d + k] = x0 - alpha; // v = x − α e1, stored in place
		const vtv = (x0 - alpha) * (x0 - alpha) + tail2;
		const t = 2 / vtv;
		tau[k] = t;
		off[k] = alpha;
		// p = t·B v on the trailing block B = W[s0.., s0..] (upper triangle read, symmetric)
		for (let i = s0; i < d; i++) p[i] = 0;
		for (let i = s0; i < d; i++) {
			const vi = W[i * d + k];
			const row = i * d;
			let acc = W[row + i] * vi;
			for (let j = i + 1; j < d; j++) {
				const b = W[row + j];
				acc += b * W[j * d + k];
				p[j] += b * vi;
			}
			p[i] += acc;
		}
		let vp = 0;
		for (let i = s0; i < d; i++) {
			p[i] *= t;
			vp += W[i * d + k] * p[i];
		}
		const half = 0.5 * t * vp;
		for (let i = s0; i < d; i++) p[i] -= half * W[i * d + k]; // q = p − (t vᵀp / 2) v
		// B ← B − v qᵀ − q vᵀ (upper triangle only)
		for (let i = s0; i < d; i++) {
			const vi = W[i * d + k];
			const qi = p[i];
			const row = i * d;
			for (let j = i; j < d; j++) W[row + j] -= vi * p[j] + qi * W[j * d + k];
		}
	}
	if (d >= 2) {
		diag[d - 2] = W[(d - 2) * d + d - 2];
		off[d - 2] = W[(d - 2) * d + d - 1];
	}
	if (d >= 1) diag[d - 1] = W[(d - 1) * d + d - 1];
	return { d, diag, off, work: W, tau };
}

/** x ← Q x for a vector x given in the tridiagonal basis (x = P_0(P_1(⋯ P_{d−3} x))). */
export function applyQ(t: Tridiagonal, x: Float64Array): void {
	const { d, work: W, tau } = t;
	for (let k = d - 3; k >= 0; k--) {
		const tk = tau[k];
		if (tk === 0) continue;
		let dot = 0;
		for (let i = k + 1; i < d; i++) dot += W[i * d + k] * x[i];
		const f = tk * dot;
		for (let i = k + 1; i < d; i++) x[i] -= f * W[i * d + k];
	}
}
