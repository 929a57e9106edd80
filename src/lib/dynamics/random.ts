/**
 * Small, fast, seeded random numbers for the normal-form simulation.
 * xoshiro128** (Blackman & Vigna 2018) for uniforms, seeded through splitmix32 so that nearby seeds give unrelated
 * streams; Marsaglia's polar method for Gaussians (no trig, one log + one sqrt per pair).
 * Everything is deterministic: the same seed always gives the same sequence.
 */

/** splitmix32: spreads a 32-bit seed into well-mixed state words. */
function splitmix32(state: { s: number }): number {
	state.s = (state.s + 0x9e3779b9) | 0;
	let z = state.s;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	return (z ^ (z >>> 16)) >>> 0;
}

export class Xoshiro128 {
	private s0: number;
	private s1: number;
	private s2: number;
	private s3: number;

	constructor(seed: number) {
		const mix = { s: seed | 0 };
		this.s0 = splitmix32(mix);
		this.s1 = splitmix32(mix);
		this.s2 = splitmix32(mix);
		this.s3 = splitmix32(mix);
		// The all-zero state is a fixed point; splitmix32 practically never yields it, but guard anyway.
		if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
	}

	/** Next unsigned 32-bit integer. */
	nextUint32(): number {
		const s0 = this.s0;
		const s1 = this.s1;
		const s2 = this.s2;
		const s3 = this.s3;
		const m = Math.imul(s1, 5);
		const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
		const t = s1 << 9;
		const n2 = s2 ^ s0;
		const n3 = s3 ^ s1;
		this.s1 = s1 ^ n2;
		this.s0 = s0 ^ n3;
		this.s2 = n2 ^ t;
		this.s3 = (n3 << 11) | (n3 >>> 21);
		return result;
	}

	/** Uniform double in [0, 1) with 32 bits of resolution. */
	nextDouble(): number {
		return this.nextUint32() * 2.3283064365386963e-10;
	}
}

/** Standard normal deviates from a seeded xoshiro128** stream. */
export class GaussianSource {
	private readonly uniform: Xoshiro128;
	private spare = 0;
	private hasSpare = false;

	constructor(seed: number) {
		this.uniform = new Xoshiro128(seed);
	}

	/** One N(0, 1) deviate. */
	next(): number {
		if (this.hasSpare) {
			this.hasSpare = false;
			return this.spare;
		}
		const u = this.uniform;
		let x: number;
		let y: number;
		let s: number;
		do {
			x = 2 * u.nextDouble() - 1;
			y = 2 * u.nextDouble() - 1;
			s = x * x + y * y;
		} while (s >= 1 || s === 0);
		const f = Math.sqrt((-2 * Math.log(s)) / s);
		this.spare = y * f;
		this.hasSpare = true;
		return x * f;
	}

	/** Fills out[0..count) with N(0, 1) deviates (same stream as calling next() count times). */
	fill(out: Float64Array, count: number): void {
		let i = 0;
		if (this.hasSpare && count > 0) {
			out[i++] = this.spare;
			this.hasSpare = false;
		}
		const u = this.uniform;
		while (i < count) {
			let x: number;
			let y: number;
			let s: number;
			do {
				x = 2 * u.nextDouble() - 1;
				y = 2 * u.nextDouble() - 1;
				s = x * x + y * y;
			} while (s >= 1 || s === 0);
			const f = Math.sqrt((-2 * Math.log(s)) / s);
			out[i++] = x * f;
			if (i < count) out[i++] = y * f;
			else {
				this.spare = y * f;
				this.hasSpare = true;
			}
		}
	}
}
