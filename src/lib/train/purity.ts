/**
 * Atom purity (docs/theory.md §6, after the paper's POS purity): among an atom's top-`top` activations on the evaluation
 * set, the share of the most common true label. An atom with fewer than `minActive` positive activations is dead.
 * Baseline: the same statistic on random `top`-sample subsets (chance level).
 */
import { Stream, streamRng } from './seeded';

const DEAD_BELOW = 10;

/** Share of the modal label among the given sample indices. */
export function modalShare(indices: ArrayLike<number>, labels: ArrayLike<number>): number {
	const counts = new Map<number, number>();
	let best = 0;
	for (let i = 0; i < indices.length; i++) {
		const l = labels[indices[i]];
		const c = (counts.get(l) ?? 0) + 1;
		counts.set(l, c);
		if (c > best) best = c;
	}
	return indices.length === 0 ? NaN : best / indices.length;
}

export interface AtomPurity {
	/** Per-atom purity, NaN for dead atoms. */
	purity: Float32Array;
	/** Positive activations per atom. */
	activeCount: Int32Array;
	alive: Uint8Array;
}

/**
 * Purity from each atom's top activations: `topIdx`/`topVal` are m×k row-major, descending per atom (as tf.topk
 * gives them), `activeCount` the number of positive activations per atom. Zero activations in the top k are skipped.
 */
export function purityFromTop(
	topIdx: ArrayLike<number>,
	topVal: ArrayLike<number>,
	k: number,
	activeCount: ArrayLike<number>,
	labels: ArrayLike<number>,
	minActive = DEAD_BELOW
): AtomPurity {
	const m = activeCount.length;
	if (topIdx.length !== m * k || topVal.length !== m * k) throw new Error(`purityFromTop: expected ${m}×${k} top entries`);
	const purity = new Float32Array(m);
	const alive = new Uint8Array(m);
	const counts = Int32Array.from(activeCount);
	const idx: number[] = [];
	for (let j = 0; j < m; j++) {
		if (counts[j] < minActive) {
			purity[j] = NaN;
			continue;
		}
		alive[j] = 1;
		idx.length = 0;
		for (let r = 0; r < k; r++) if (topVal[j * k + r] > 0) idx.push(topIdx[j * k + r]);
		purity[j] = modalShare(idx, labels);
	}
	return { purity, activeCount: counts, alive };
}

/**
 * Purity of every atom from codes Z (n×m row-major) and per-sample labels, all on the JS side (reference for the
 * tfjs path, which takes the top activations with tf.topk). Atoms with ≥ minActive but < top positive activations use
 * all of them.
 */
export function atomPurity(
	Z: ArrayLike<number>,
	n: number,
	m: number,
	labels: ArrayLike<number>,
	top = 50,
	minActive = DEAD_BELOW
): AtomPurity {
	if (Z.length !== n * m) throw new Error(`atomPurity: Z has ${Z.length} entries, expected ${n}×${m}`);
	if (labels.length !== n) throw new Error(`atomPurity: ${labels.length} labels for ${n} samples`);
	const purity = new Float32Array(m);
	const activeCount = new Int32Array(m);
	const alive = new Uint8Array(m);
	const idx: number[] = [];
	for (let j = 0; j < m; j++) {
		idx.length = 0;
		for (let i = 0; i < n; i++) if (Z[i * m + j] > 0) idx.push(i);
		activeCount[j] = idx.length;
		if (idx.length < minActive) {
			purity[j] = NaN;
			continue;
		}
		alive[j] = 1;
		idx.sort((p, q) => Z[q * m + j] - Z[p * m + j]);
		purity[j] = modalShare(idx.slice(0, top), labels);
	}
	return { purity, activeCount, alive };
}

/** Mean modal-label share of `trials` random `top`-sample subsets (seeded). */
export function purityBaseline(labels: ArrayLike<number>, seed: number, top = 50, trials = 200): number {
	const n = labels.length;
	const size = Math.min(top, n);
	const rng = streamRng(seed, Stream.baseline);
	const pick = new Int32Array(size);
	let sum = 0;
	for (let t = 0; t < trials; t++) {
		for (let k = 0; k < size; k++) pick[k] = rng.int(n);
		sum += modalShare(pick, labels);
	}
	return sum / trials;
}

/**
 * Cosine matches between decoder rows D (m×d) and true features F (G×d), both assumed unit-norm:
 * per-atom max |cos| over features, and MMCS = mean over features of the max |cos| over atoms.
 */
export function cosineMatches(
	D: ArrayLike<number>,
	m: number,
	F: ArrayLike<number>,
	G: number,
	d: number
): { maxCos: Float32Array; mmcs: number } {
	const maxCos = new Float32Array(m);
	const bestPerFeature = new Float64Array(G);
	for (let j = 0; j < m; j++) {
		let nj = 0;
		for (let k = 0; k < d; k++) nj += D[j * d + k] ** 2;
		nj = Math.sqrt(nj) || 1;
		for (let g = 0; g < G; g++) {
			let dot = 0;
			for (let k = 0; k < d; k++) dot += D[j * d + k] * F[g * d + k];
			const c = Math.abs(dot) / nj;
			if (c > maxCos[j]) maxCos[j] = c;
			if (c > bestPerFeature[g]) bestPerFeature[g] = c;
		}
	}
	let s = 0;
	for (let g = 0; g < G; g++) s += bestPerFeature[g];
	return { maxCos, mmcs: s / G };
}
