import { createRng } from '../random';
import { symmetricEigen, type Eigenpairs } from './symmetric-eigen';

/** y ← A·x for a symmetric operator of dimension p (x and y never alias). */
export type SymmetricOperator = (x: Float64Array, y: Float64Array) => void;

export interface LanczosOptions {
	/** 'largest' (default): the k algebraically largest eigenpairs; 'smallest': the k smallest. */
	which?: 'largest' | 'smallest';
	/** Start vector (length p), e.g. the previous snapshot's answer; random (seeded) otherwise. */
	start?: Float64Array | null;
	/** Converged when every wanted Ritz residual ≤ tol·max(|θ|) (default 1e-8). */
	tol?: number;
	/** Krylov dimension cap (default min(p, 300)). */
	maxIter?: number;
	seed?: number;
	/** Called after every iteration with the iteration count (a progress line for long runs). */
	onIteration?: (iteration: number) => void;
}

export interface LanczosResult {
	/** Wanted Ritz values: descending for 'largest', ascending for 'smallest'. */
	values: Float64Array;
	/** Ritz vectors, k×p row-major, unit norm, row i pairs with values[i]. */
	vectors: Float64Array;
	/** Residual norms ‖A u − θ u‖ of the returned pairs. */
	residuals: Float64Array;
	iterations: number;
	converged: boolean;
}

function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, p: number): number {
	let s0 = 0;
	let s1 = 0;
	let j = 0;
	for (; j + 2 <= p; j += 2) {
		s0 += a[ao + j] * b[bo + j];
		s1 += a[ao + j + 1] * b[bo + j + 1];
	}
	if (j < p) s0 += a[ao + j] * b[bo + j];
	return s0 + s1;
}

/**
 * k extreme eigenpairs of a symmetric operator by Lanczos with full reorthogonalisation (twice, classical
 * Gram–Schmidt): each iteration costs one operator application plus O(j·p). Only the operator is needed, so a
 * covariance can stay implicit (v ↦ Zcᵀ(Zc v)/N, O(N·d) per step instead of O(N·d²) to form it) and the
 * free-energy Hessian can be probed through its exact Hessian-vector product (docs/theory.md §2).
 * An invariant subspace found early (β_j ≈ 0) is continued from a fresh random vector orthogonal to the basis.
 */
export function lanczos(apply: SymmetricOperator, p: number, k: number, options: LanczosOptions = {}): LanczosResult {
	k = Math.max(1, Math.min(k, p));
	const smallest = options.which === 'smallest';
	const tol = options.tol ?? 1e-8;
	const maxIter = Math.max(k, Math.min(p, options.maxIter ?? 300));
	const rng = createRng(options.seed ?? 1);
	const Q = new Float64Array(maxIter * p);
	const alpha = new Float64Array(maxIter);
	const beta = new Float64Array(maxIter);
	const w = new Float64Array(p);
	const coeff = new Float64Array(maxIter);

	const orthogonalise = (x: Float64Array, upto: number) => {
		for (let pass = 0; pass < 2; pass++) {
			for (let i = 0; i < upto; i++) coeff[i] = dot(Q, i * p, x, 0, p);
			for (let i = 0; i < upto; i++) {
				const c = coeff[i];
				const o = i * p;
				for (let j = 0; j < p; j++) x[j] -= c * Q[o + j];
			}
		}
	};
	/** Normalise x into row j of Q; false if x has (numerically) no component left. */
	const setRow = (x: Float64Array, j: number, scale: number): boolean => {
		const norm = Math.sqrt(dot(x, 0, x, 0, p));
		if (!(norm > 1e-12 * scale)) return false;
		const o = j * p;
		for (let i = 0; i < p; i++) Q[o + i] = x[i] / norm;
		return true;
	};
	const fresh = (j: number, scale: number) => {
		for (let attempt = 0; attempt < 5; attempt++) {
			for (let i = 0; i < p; i++) w[i] = rng.normal();
			orthogonalise(w, j);
			if (setRow(w, j, 1e-6 * Math.max(scale, 1))) return true;
		}
		return false;
	};

	// A random start has a component along every eigenvector, so an invariant subspace it reaches holds the
	// extreme eigenvalues; a warm start may not: then one fresh random direction is added before trusting it.
	let trustInvariant = true;
	if (options.start && options.start.length >= p) {
		w.set(options.start.subarray(0, p));
		if (setRow(w, 0, 1e-300)) trustInvariant = false;
		else fresh(0, 1);
	} else fresh(0, 1);

	let m = 0;
	let ritz: Eigenpairs = { values: new Float64Array(0), vectors: new Float64Array(0), k: 0 };
	let converged = false;
	let scale = 0;
	let order: number[] = [];
	const wantedResiduals = new Float64Array(k);
	for (let j = 0; j < maxIter; j++) {
		apply(Q.subarray(j * p, (j + 1) * p), w);
		alpha[j] = dot(Q, j * p, w, 0, p);
		orthogonalise(w, j + 1);
		m = j + 1;
		options.onIteration?.(m);
		const b = Math.sqrt(dot(w, 0, w, 0, p));
		scale = Math.max(scale, Math.abs(alpha[j]), b);
		beta[j] = b;
		const check = m >= k && (m === maxIter || m === p || m % 4 === 0 || !(b > 1e-10 * scale));
		if (check) {
			const T = new Float64Array(m * m);
			for (let i = 0; i < m; i++) {
				T[i * m + i] = alpha[i];
				if (i + 1 < m) {
					T[i * m + i + 1] = beta[i];
					T[(i + 1) * m + i] = beta[i];
				}
			}
			ritz = symmetricEigen(T, m, m);
			order = Array.from({ length: k }, (_, i) => (smallest ? m - 1 - i : i));
			let worst = 0;
			let top = 0;
			for (let i = 0; i < m; i++) top = Math.max(top, Math.abs(ritz.values[i]));
			order.forEach((c, i) => {
				// Residual of Ritz pair c = β_m · |last component of its eigenvector of T|.
				wantedResiduals[i] = b * Math.abs(ritz.vectors[c * m + m - 1]);
				worst = Math.max(worst, wantedResiduals[i]);
			});
			const invariant = !(b > 1e-10 * scale);
			if ((worst <= tol * Math.max(top, 1e-300) && (!invariant || trustInvariant)) || m === p) {
				converged = true;
				break;
			}
		}
		if (j + 1 >= maxIter) break;
		if (!setRow(w, j + 1, scale)) {
			beta[j] = 0; // invariant subspace: continue in a fresh direction, decoupled in T
			trustInvariant = true;
			if (!fresh(j + 1, scale)) {
				converged = true;
				break;
			}
		}
	}
	if (ritz.k !== m) {
		// The loop ended between checks (maxIter reached): solve the final T.
		const T = new Float64Array(m * m);
		for (let i = 0; i < m; i++) {
			T[i * m + i] = alpha[i];
			if (i + 1 < m) T[i * m + i + 1] = T[(i + 1) * m + i] = beta[i];
		}
		ritz = symmetricEigen(T, m, m);
		order = Array.from({ length: k }, (_, i) => (smallest ? m - 1 - i : i));
		order.forEach((c, i) => (wantedResiduals[i] = beta[m - 1] * Math.abs(ritz.vectors[c * m + m - 1])));
	}
	const values = new Float64Array(k);
	const vectors = new Float64Array(k * p);
	order.forEach((c, i) => {
		values[i] = ritz.values[c];
		const o = i * p;
		for (let q = 0; q < m; q++) {
			const y = ritz.vectors[c * m + q];
			if (y === 0) continue;
			const qo = q * p;
			for (let jj = 0; jj < p; jj++) vectors[o + jj] += y * Q[qo + jj];
		}
	});
	return { values, vectors, residuals: wantedResiduals.slice(0, k), iterations: m, converged };
}
