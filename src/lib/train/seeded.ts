/**
 * Seeded randomness for everything a run draws: data split, initialisation, batches, gradient noise.
 * Streams are derived from (run seed, purpose, step) so that any step's draws can be recomputed without replaying the
 * run — which is what makes reset, checkpoints and backend fallback reproduce the same curve.
 */

/** Mix integers into one 32-bit seed (splitmix32-style avalanche). */
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

/** Purposes of the independent random streams of a run. */
export const Stream = {
	split: 1,
	init: 2,
	batch: 3,
	noise: 4,
	features: 5,
	evalSet: 6,
	display: 7,
	baseline: 8,
	probe: 9
} as const;

/** A small seeded generator (mulberry32) with uniform, normal and integer draws. */
export class Rng {
	private s: number;
	private spare: number | null = null;

	constructor(seed: number) {
		this.s = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** Standard normal (Box–Muller, caching the second value). */
	normal(): number {
		if (this.spare !== null) {
			const v = this.spare;
			this.spare = null;
			return v;
		}
		let u = 0;
		while (u === 0) u = this.next();
		const v = this.next();
		const r = Math.sqrt(-2 * Math.log(u));
		this.spare = r * Math.sin(2 * Math.PI * v);
		return r * Math.cos(2 * Math.PI * v);
	}

	/** Fill a new Float32Array with N(0, std²) draws. */
	normals(n: number, std = 1): Float32Array {
		const out = new Float32Array(n);
		for (let i = 0; i < n; i++) out[i] = std * this.normal();
		return out;
	}

	/** In-place Fisher–Yates shuffle. */
	shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
		for (let i = a.length - 1; i > 0; i--) {
			const j = this.int(i + 1);
			const tmp = a[i];
			a[i] = a[j];
			a[j] = tmp;
		}
		return a;
	}
}

/** A generator for one purpose (and optionally one step) of a run. */
export function streamRng(seed: number, stream: number, step = 0): Rng {
	return new Rng(deriveSeed(seed, stream, step));
}
