import { householderTridiagonal, type Tridiagonal } from './householder-tridiagonal';
import { orientVector } from './orient-vector';
import { scratch } from './scratch';
import { tridiagonalQL, type QLRotations } from './tridiagonal-ql';
import { kernelMemory, liveBytes, wasmKernels } from './wasm/wasm-kernels';

export interface Eigenpairs {
	/** Eigenvalues, descending. Length d for the dense solver, k for the block iteration. */
	values: Float64Array;
	/** Leading k eigenvectors, k×d row-major (row i pairs with values[i]), unit norm. */
	vectors: Float64Array;
	k: number;
}

/**
 * Dense symmetric eigensolver: Householder tridiagonalisation + implicit QL for all d eigenvalues, then only the
 * leading k eigenvectors, by replaying the QL rotations and the reflectors. O(d³) once, plus O(k·d²).
 * `reference` (k×d, e.g. the previous snapshot's vectors) only fixes signs.
 */
export function symmetricEigen(
	A: Float64Array,
	d: number,
	k = d,
	reference?: Float64Array | null,
	work?: Float64Array
): Eigenpairs {
	k = Math.min(k, d);
	// The reflectors live only inside this call: a reused buffer (d = 512: 2 MB) instead of a fresh one each time.
	const tri = householderTridiagonal(A, d, work, scratch('eig-reflectors', d * d));
	const rot = tridiagonalQL(tri.diag, tri.off, d);
	const ev = tri.diag;
	const order = Array.from({ length: d }, (_, i) => i).sort((a, b) => ev[b] - ev[a]);
	const values = new Float64Array(d);
	for (let i = 0; i < d; i++) values[i] = ev[order[i]];
	const vectors = new Float64Array(k * d);
	if (k > 0) {
		const kernels = d >= 16 && k <= 8 ? wasmKernels() : null;
		const X = kernels ? backTransform8(kernels, tri, rot, order, k) : new Float64Array(d * k);
		if (!kernels) {
			for (let r = 0; r < k; r++) X[order[r] * k + r] = 1;
			replayRotations(rot, X, d, k);
			applyReflectors(tri, X, k);
		}
		for (let r = 0; r < k; r++) {
			for (let i = 0; i < d; i++) vectors[r * d + i] = X[i * k + r];
			orientVector(vectors, r, d, reference);
		}
	}
	return { values, vectors, k };
}

/**
 * replayRotations + applyReflectors on the kernels (rot8, refl8; the same float64 operations, f64x2), for k ≤ 8
 * vectors: returns X (d×k). Placed above the live kernel data (a Points32 waiting for EM).
 */
function backTransform8(
	kernels: NonNullable<ReturnType<typeof wasmKernels>>,
	tri: Tridiagonal,
	rot: QLRotations,
	order: number[],
	k: number
): Float64Array {
	const d = tri.d;
	const x = liveBytes();
	const idx = x + d * 64;
	const cs = idx + Math.ceil((rot.count * 4) / 16) * 16;
	const ss = cs + rot.count * 8;
	const r = ss + rot.count * 8;
	const tau = r + d * d * 8;
	kernelMemory(kernels, tau + d * 8);
	const buf = kernels.memory.buffer;
	const f64 = new Float64Array(buf);
	f64.fill(0, x / 8, x / 8 + d * 8);
	let lo = d;
	let hi = -1;
	for (let c = 0; c < k; c++) {
		f64[x / 8 + order[c] * 8 + c] = 1;
		lo = Math.min(lo, order[c]);
		hi = Math.max(hi, order[c]);
	}
	new Int32Array(buf, idx, rot.count).set(rot.index.subarray(0, rot.count));
	f64.set(rot.c.subarray(0, rot.count), cs / 8);
	f64.set(rot.s.subarray(0, rot.count), ss / 8);
	f64.set(tri.reflectors.subarray(0, d * d), r / 8);
	f64.set(tri.tau.subarray(0, d), tau / 8);
	kernels.rot8(x, idx, cs, ss, rot.count, lo, hi);
	kernels.refl8(x, r, tau, d);
	const X = new Float64Array(d * k);
	for (let i = 0; i < d; i++) for (let c = 0; c < k; c++) X[i * k + c] = f64[x / 8 + i * 8 + c];
	return X;
}

/**
 * The k eigenvectors of T at once (X: d×k, column r starting as e_order[r]): the QL rotations replayed in reverse,
 * each rotation read once for all k columns (replaying per vector read the ~d² rotations k times). Rotations
 * outside the rows reached so far only act on zeros and are skipped.
 */
function replayRotations(rot: QLRotations, X: Float64Array, d: number, k: number): void {
	const { index, c, s } = rot;
	let lo = d;
	let hi = -1;
	for (let i = 0; i < d; i++) {
		for (let r = 0; r < k; r++) {
			if (X[i * k + r] !== 0) {
				lo = Math.min(lo, i);
				hi = Math.max(hi, i);
			}
		}
	}
	for (let t = rot.count - 1; t >= 0; t--) {
		const i = index[t];
		if (i + 1 < lo || i > hi) continue;
		if (i < lo) lo = i;
		if (i + 1 > hi) hi = i + 1;
		const ct = c[t];
		const st = s[t];
		const a = i * k;
		const b = a + k;
		for (let r = 0; r < k; r++) {
			const xi = X[a + r];
			const xi1 = X[b + r];
			X[a + r] = ct * xi + st * xi1;
			X[b + r] = ct * xi1 - st * xi;
		}
	}
}

/** X ← Q X for the k columns of X (d×k, tridiagonal basis), each reflector read once for all columns. */
function applyReflectors(t: Tridiagonal, X: Float64Array, k: number): void {
	const { d, reflectors: R, tau } = t;
	const f = new Float64Array(k);
	for (let p = d - 3; p >= 0; p--) {
		const tp = tau[p];
		if (tp === 0) continue;
		const o = p * d;
		f.fill(0);
		for (let i = p + 1; i < d; i++) {
			const v = R[o + i];
			const xi = i * k;
			for (let r = 0; r < k; r++) f[r] += v * X[xi + r];
		}
		for (let r = 0; r < k; r++) f[r] *= tp;
		for (let i = p + 1; i < d; i++) {
			const v = R[o + i];
			const xi = i * k;
			for (let r = 0; r < k; r++) X[xi + r] -= f[r] * v;
		}
	}
}
