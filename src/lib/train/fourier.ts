/**
 * Discrete Fourier power of functions on Z_p (docs/theory.md §10): for f(0 … p−1), after removing its mean,
 * P_k = |Σ_a f(a)·e^(−2πi·k·a/p)|² for k = 1 … ⌊p/2⌋ (k and p − k carry the same power for real f).
 * Pure math: no tfjs, no DOM.
 */

/** Number of distinct non-zero frequencies of a real function on Z_p. */
export function frequencyCount(p: number): number {
	return Math.floor(p / 2);
}

/** cos/sin tables, row k−1 holding cos(2πka/p), sin(2πka/p) for a = 0 … p−1. */
export class FourierBasis {
	readonly K: number;
	readonly cos: Float64Array;
	readonly sin: Float64Array;

	constructor(readonly p: number) {
		if (!Number.isInteger(p) || p < 2) throw new Error(`fourier: p must be an integer ≥ 2, got ${p}`);
		this.K = frequencyCount(p);
		this.cos = new Float64Array(this.K * p);
		this.sin = new Float64Array(this.K * p);
		for (let k = 1; k <= this.K; k++) {
			for (let a = 0; a < p; a++) {
				// Reduce k·a mod p first: exact angles for large arguments.
				const angle = (2 * Math.PI * ((k * a) % p)) / p;
				this.cos[(k - 1) * p + a] = Math.cos(angle);
				this.sin[(k - 1) * p + a] = Math.sin(angle);
			}
		}
	}

	/**
	 * Power over k = 1 … K of f(a) = values[offset + a·stride], mean removed; added into `out` (length K) so that
	 * spectra of several columns can be summed.
	 */
	addPower(values: ArrayLike<number>, offset: number, stride: number, out: Float64Array): void {
		const { p, K } = this;
		let mean = 0;
		for (let a = 0; a < p; a++) mean += values[offset + a * stride];
		mean /= p;
		const f = new Float64Array(p);
		for (let a = 0; a < p; a++) f[a] = values[offset + a * stride] - mean;
		for (let k = 0; k < K; k++) {
			let re = 0;
			let im = 0;
			const o = k * p;
			for (let a = 0; a < p; a++) {
				re += f[a] * this.cos[o + a];
				im -= f[a] * this.sin[o + a];
			}
			out[k] += re * re + im * im;
		}
	}

	/** Power spectrum (length K, index k−1) of one function given as p consecutive values. */
	power(values: ArrayLike<number>): Float64Array {
		const out = new Float64Array(this.K);
		this.addPower(values, 0, 1, out);
		return out;
	}
}

/** The frequency k (1-based) of the largest power; ties → the lowest k. */
export function dominantFrequency(power: ArrayLike<number>): number {
	let best = 0;
	for (let k = 1; k < power.length; k++) if (power[k] > power[best]) best = k;
	return best + 1;
}

/** The fewest frequencies whose power adds up to at least `share` of the total (0 for an all-zero spectrum). */
export function keyFrequencyCount(power: ArrayLike<number>, share = 0.9): number {
	const sorted = Array.from(power).sort((x, y) => y - x);
	const total = sorted.reduce((s, v) => s + v, 0);
	if (!(total > 0)) return 0;
	let acc = 0;
	for (let i = 0; i < sorted.length; i++) {
		acc += sorted[i];
		// A relative tolerance, so that exactly-90% spectra are not tipped over by rounding.
		if (acc >= share * total * (1 - 1e-12)) return i + 1;
	}
	return sorted.length;
}
