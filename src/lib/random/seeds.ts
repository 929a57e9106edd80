/**
 * The three seed mixers. Each feeds a different family of streams whose draws are baked into committed runs
 * (content/data), so they stay three functions with their exact constants; they are gathered here so that
 * nobody writes a fourth.
 */

/** Mix integers into one 32-bit seed (splitmix32-style avalanche): (run seed, purpose, step) → a run's stream. */
export function deriveSeed(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const part of parts) {
		h = Math.imul(h ^ (part | 0), 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
		// Fold the high part of large (non-32-bit) seeds too.
		const hi = Math.floor(part / 4294967296) | 0;
		if (hi !== 0) h = Math.imul(h ^ hi, 0x27d4eb2f);
	}
	return h >>> 0;
}

/** Derives a child seed from a parent seed and a counter (e.g. the probe's snapshot index), so streams do not overlap. */
export function mixSeed(seed: number, counter: number): number {
	let h = (seed ^ Math.imul(counter + 0x9e3779b9, 0x85ebca6b)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}

/** splitmix32: one step of the sequence that spreads a 32-bit seed into the well-mixed state words of xoshiro. */
export function splitmix32(state: { s: number }): number {
	state.s = (state.s + 0x9e3779b9) | 0;
	let z = state.s;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	return (z ^ (z >>> 16)) >>> 0;
}
