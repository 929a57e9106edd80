/**
 * Seeded random numbers for the probe (jitter, symmetric starts) and for anyone who needs reproducible noise:
 * mulberry32 for uniforms, Box–Muller for normals. Same seed, same stream, on every platform.
 */

export interface Rng {
	/** Uniform in [0, 1). */
	uniform(): number;
	/** Standard normal N(0, 1). */
	normal(): number;
}

export function createRng(seed = 1): Rng {
	let a = seed >>> 0;
	let spare = 0;
	let hasSpare = false;
	const uniform = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const normal = (): number => {
		if (hasSpare) {
			hasSpare = false;
			return spare;
		}
		const u1 = 1 - uniform(); // (0, 1]: log is finite
		const u2 = uniform();
		const r = Math.sqrt(-2 * Math.log(u1));
		spare = r * Math.sin(2 * Math.PI * u2);
		hasSpare = true;
		return r * Math.cos(2 * Math.PI * u2);
	};
	return { uniform, normal };
}

/** Derives a child seed from a parent seed and a counter (e.g. snapshot index), so streams do not overlap. */
export function mixSeed(seed: number, counter: number): number {
	let h = (seed ^ Math.imul(counter + 0x9e3779b9, 0x85ebca6b)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}
