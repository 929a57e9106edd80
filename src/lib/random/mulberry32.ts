/**
 * mulberry32 uniforms and Box–Muller normals: the generator of training runs (data, init, batches, noise) and of
 * the probe (jitter, symmetric starts, eigensolver starts). Same seed, same stream, on every platform.
 * For the hot Gaussian loop of the normal-form simulation see ./xoshiro (xoshiro128** + ziggurat).
 */

/** A bare mulberry32 stream: uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A seeded generator with uniform, normal and integer draws. */
export class Rng {
	private readonly uniform: () => number;
	private spare: number | null = null;

	constructor(seed: number) {
		this.uniform = mulberry32(seed);
	}

	/** Uniform in [0, 1). */
	next(): number {
		return this.uniform();
	}

	/** Integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** Standard normal (Box–Muller on a non-zero uniform u, caching the second value). */
	normal(): number {
		if (this.spare !== null) return this.takeSpare();
		let u = 0;
		while (u === 0) u = this.next();
		return this.boxMuller(u, this.next());
	}

	/**
	 * Standard normal, Box–Muller on 1 − u instead of u: the probe's historical stream (its committed runs were drawn
	 * with it), equally valid, different values.
	 */
	normalOnComplement(): number {
		if (this.spare !== null) return this.takeSpare();
		const u1 = 1 - this.next(); // (0, 1]: log is finite
		return this.boxMuller(u1, this.next());
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

	private takeSpare(): number {
		const v = this.spare as number;
		this.spare = null;
		return v;
	}

	/** u1 ∈ (0, 1], u2 ∈ [0, 1): returns r·cos θ and keeps r·sin θ for the next call. */
	private boxMuller(u1: number, u2: number): number {
		const r = Math.sqrt(-2 * Math.log(u1));
		this.spare = r * Math.sin(2 * Math.PI * u2);
		return r * Math.cos(2 * Math.PI * u2);
	}
}

/** The probe's view of a generator: uniforms and normals (its own Box–Muller flavour, see normalOnComplement). */
export interface ProbeRng {
	/** Uniform in [0, 1). */
	uniform(): number;
	/** Standard normal N(0, 1). */
	normal(): number;
}

export function createRng(seed = 1): ProbeRng {
	const rng = new Rng(seed);
	return { uniform: () => rng.next(), normal: () => rng.normalOnComplement() };
}
