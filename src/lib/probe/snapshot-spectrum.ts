import { covarianceFast } from './covariance-fast';
import { lanczos } from './lanczos';
import { orientVector } from './orient-vector';
import { ProbeInputError } from './probe-error';
import { scratch } from './scratch';
import { symmetricEigen } from './symmetric-eigen';
import { topEigenpairs } from './top-eigenpairs';

/** Above this width the d×d covariance is never formed (d = 4,096 would be 128 MB and O(N·d²) to fill). */
export const DENSE_MAX_D = 512;
/** The Gram route (N×N) is used for wide data when N ≤ this and N²·d/2 stays below GRAM_MAX_WORK. */
const GRAM_MAX_N = 1024;
const GRAM_MAX_WORK = 1e9;

export interface SnapshotSpectrum {
	/** tr Σ. */
	trace: number;
	/** Leading eigenvalues, descending (length min(topK, rank available)). */
	values: Float64Array;
	/** Leading eigenvectors, values.length × d row-major. */
	vectors: Float64Array;
	/** Every eigenvalue known, descending: all d (dense), the N non-trivial ones (Gram), or only the top ones. */
	spectrum: Float64Array;
	/** True when `spectrum` holds every non-zero eigenvalue (the effective rank needs them all). */
	complete: boolean;
	method: 'dense' | 'gram' | 'lanczos';
	/** Lanczos iterations (0 for the dense routes). */
	iterations: number;
}

/** The power of two that brings tr Σ to O(1); throws when the variance overflows float64. */
function traceScale(trace: number): number {
	if (!Number.isFinite(trace)) {
		throw new ProbeInputError(
			'the data’s variance overflows float64 (values around 1e154 or larger square to infinity); rescale the data',
			'overflow'
		);
	}
	// The eigensolvers square matrix entries (Householder norms): bring Σ to O(1) by an exact power of two and scale
	// the eigenvalues back, so data scaled by 1e150 or 1e-150 gets the same answer as the unscaled data.
	return trace > 0 ? 2 ** -Math.round(Math.log2(trace)) : 1;
}

/**
 * True when snapshotSpectrum forms the d×d covariance (d ≤ 512, and not the cheaper Gram route: fewer points than
 * dimensions — 256 rows × d 512, an uploaded-activations probe, took ~100 ms dense).
 */
export function denseRoute(n: number, d: number): boolean {
	const gramFits = n <= GRAM_MAX_N && (n * n * d) / 2 <= GRAM_MAX_WORK;
	return d <= DENSE_MAX_D && !(n < d && gramFits);
}

/** The dense route from a formed covariance Σ (d×d; scaled in place) with tr Σ = `trace`. */
export function spectrumOfCovariance(
	cov: Float64Array,
	d: number,
	trace: number,
	topK: number,
	reference?: Float64Array | null
): SnapshotSpectrum {
	const scale = traceScale(trace);
	if (scale !== 1) for (let i = 0; i < d * d; i++) cov[i] *= scale;
	const eig = topEigenpairs(cov, d, topK, { reference, work: scratch('eig', d * d) });
	const values = eig.values.map((x) => x / scale);
	const spectrum = eig.spectrum.map((x) => x / scale);
	return { trace, values, vectors: eig.vectors, spectrum, complete: true, method: 'dense', iterations: 0 };
}

/**
 * The spectrum of Σ = ZcᵀZc/N for centred rows, by the cheapest exact route (docs/theory.md §2):
 * - d ≤ 512 and N ≥ d: Σ formed, dense Householder + QL (every eigenvalue);
 * - fewer points than dimensions, or wide with few points (N ≤ 1024, N²d ≤ 2e9): the Gram matrix ZcZcᵀ/N has the same non-zero eigenvalues, and
 *   v = Zcᵀu/√(Nλ) gives the vectors;
 * - otherwise: Lanczos on v ↦ Zcᵀ(Zc v)/N, O(N·d) per iteration and O(d·iterations) memory; only the top
 *   eigenvalues are known (`complete` false: no effective rank).
 */
export function snapshotSpectrum(
	centred: Float64Array,
	n: number,
	d: number,
	topK: number,
	options: { reference?: Float64Array | null; tol?: number } = {}
): SnapshotSpectrum {
	let trace = 0;
	for (let i = 0; i < n * d; i++) trace += centred[i] * centred[i];
	trace /= n;
	const scale = traceScale(trace);
	if (denseRoute(n, d)) {
		const cov = covarianceFast(centred, n, d, scratch('cov', d * d));
		return spectrumOfCovariance(cov, d, trace, topK, options.reference);
	}
	const gramFits = n <= GRAM_MAX_N && (n * n * d) / 2 <= GRAM_MAX_WORK;
	const k = Math.min(topK, d, n);
	const vectors = new Float64Array(k * d);
	if (gramFits) {
		const G = new Float64Array(n * n);
		for (let a = 0; a < n; a++) {
			for (let b = a; b < n; b++) {
				let s = 0;
				const oa = a * d;
				const ob = b * d;
				for (let j = 0; j < d; j++) s += centred[oa + j] * centred[ob + j];
				G[a * n + b] = G[b * n + a] = (s / n) * scale;
			}
		}
		const e = symmetricEigen(G, n, k);
		for (let i = 0; i < e.values.length; i++) e.values[i] /= scale;
		for (let i = 0; i < k; i++) {
			const lam = e.values[i];
			if (!(lam > 0)) continue;
			const inv = 1 / Math.sqrt(n * lam);
			for (let r = 0; r < n; r++) {
				const u = e.vectors[i * n + r] * inv;
				if (u === 0) continue;
				const o = r * d;
				for (let j = 0; j < d; j++) vectors[i * d + j] += u * centred[o + j];
			}
			orientVector(vectors, i, d, options.reference);
		}
		return { trace, values: e.values.slice(0, k), vectors, spectrum: e.values, complete: true, method: 'gram', iterations: 0 };
	}
	const t = new Float64Array(n);
	const r = lanczos(
		(x, y) => {
			for (let a = 0; a < n; a++) {
				let s = 0;
				const o = a * d;
				for (let j = 0; j < d; j++) s += centred[o + j] * x[j];
				t[a] = s / n;
			}
			y.fill(0);
			for (let a = 0; a < n; a++) {
				const c = t[a];
				const o = a * d;
				for (let j = 0; j < d; j++) y[j] += c * centred[o + j];
			}
		},
		d,
		k,
		{ tol: options.tol ?? 1e-7, maxIter: 300, start: options.reference && options.reference.length >= d ? options.reference.subarray(0, d) : null }
	);
	vectors.set(r.vectors);
	for (let i = 0; i < k; i++) orientVector(vectors, i, d, options.reference);
	return { trace, values: r.values, vectors, spectrum: r.values.slice(), complete: false, method: 'lanczos', iterations: r.iterations };
}
