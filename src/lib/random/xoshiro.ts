/**
 * Small, fast, seeded random numbers for the normal-form simulation.
 * - Uniforms: xoshiro128** (Blackman & Vigna 2018), seeded through splitmix32 (./seeds) so that nearby seeds give
 *   unrelated streams.
 * - Gaussians: the ziggurat of Marsaglia & Tsang (2000) with 128 layers. Following Doornik (2005), the layer index
 *   (low 7 bits) and the value (high 25 bits, signed) come from disjoint bits of the 32-bit word, so they are
 *   independent. About 98.8% of draws cost one integer, one compare and one multiply.
 * Everything is deterministic: the same seed always gives the same sequence.
 */

import { splitmix32 } from './seeds';

export class Xoshiro128 {
	/** The four state words; exposed to GaussianSource, which inlines the update in its hot loop. */
	readonly state = new Int32Array(4);

	constructor(seed: number) {
		const mix = { s: seed | 0 };
		for (let k = 0; k < 4; k++) this.state[k] = splitmix32(mix);
		// The all-zero state is a fixed point; splitmix32 practically never yields it, but guard anyway.
		if ((this.state[0] | this.state[1] | this.state[2] | this.state[3]) === 0) this.state[0] = 1;
	}

	/** Next 32-bit output as a signed int32. */
	nextInt32(): number {
		const st = this.state;
		const s0 = st[0];
		const s1 = st[1];
		const m = Math.imul(s1, 5);
		const result = Math.imul((m << 7) | (m >>> 25), 9);
		const t = s1 << 9;
		const n2 = st[2] ^ s0;
		const n3 = st[3] ^ s1;
		st[1] = s1 ^ n2;
		st[0] = s0 ^ n3;
		st[2] = n2 ^ t;
		st[3] = (n3 << 11) | (n3 >>> 21);
		return result;
	}

	/** Next unsigned 32-bit integer. */
	nextUint32(): number {
		return this.nextInt32() >>> 0;
	}

	/** Uniform double in (0, 1) (never exactly 0, so safe under log). */
	nextDouble(): number {
		return ((this.nextInt32() >>> 0) + 0.5) * 2.3283064365386963e-10;
	}
}

// Ziggurat tables (Marsaglia & Tsang 2000, 128 layers), scaled to the 25-bit signed value |j| < 2^24.
const LAYERS = 128;
const R = 3.442619855899; // start of the tail
const LAYER_AREA = 9.91256303526217e-3;
const SCALE = 16777216; // 2^24
const kn = new Int32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
	let dn = R;
	let tn = dn;
	const q = LAYER_AREA / Math.exp(-0.5 * dn * dn);
	kn[0] = Math.floor((dn / q) * SCALE);
	kn[1] = 0;
	wn[0] = q / SCALE;
	wn[LAYERS - 1] = dn / SCALE;
	fn[0] = 1;
	fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
	for (let i = LAYERS - 2; i >= 1; i--) {
		dn = Math.sqrt(-2 * Math.log(LAYER_AREA / dn + Math.exp(-0.5 * dn * dn)));
		kn[i + 1] = Math.floor((dn / tn) * SCALE);
		tn = dn;
		fn[i] = Math.exp(-0.5 * dn * dn);
		wn[i] = dn / SCALE;
	}
}

/** Standard normal deviates from a seeded xoshiro128** stream. */
export class GaussianSource {
	private readonly uniform: Xoshiro128;

	constructor(seed: number) {
		this.uniform = new Xoshiro128(seed);
	}

	/** One N(0, 1) deviate. */
	next(): number {
		const r = this.uniform.nextInt32();
		const iz = r & 127;
		const j = r >> 7;
		if (Math.abs(j) < kn[iz]) return j * wn[iz];
		return this.slowPath(j, iz);
	}

	/** Fills out[0..count) with N(0, 1) deviates (the same stream as calling next() count times). */
	fill(out: Float64Array, count: number): void {
		const st = this.uniform.state;
		let s0 = st[0];
		let s1 = st[1];
		let s2 = st[2];
		let s3 = st[3];
		for (let i = 0; i < count; i++) {
			// xoshiro128**, inlined.
			const m = Math.imul(s1, 5);
			const r = Math.imul((m << 7) | (m >>> 25), 9);
			const t = s1 << 9;
			s2 ^= s0;
			s3 ^= s1;
			s1 ^= s2;
			s0 ^= s3;
			s2 ^= t;
			s3 = (s3 << 11) | (s3 >>> 21);
			const iz = r & 127;
			const j = r >> 7;
			if (Math.abs(j) < kn[iz]) {
				out[i] = j * wn[iz];
			} else {
				st[0] = s0;
				st[1] = s1;
				st[2] = s2;
				st[3] = s3;
				out[i] = this.slowPath(j, iz);
				s0 = st[0];
				s1 = st[1];
				s2 = st[2];
				s3 = st[3];
			}
		}
		st[0] = s0;
		st[1] = s1;
		st[2] = s2;
		st[3] = s3;
	}

	/** Rejection step of the ziggurat: the wedge of a layer, or the tail beyond R for layer 0. */
	private slowPath(j: number, iz: number): number {
		const u = this.uniform;
		for (;;) {
			const x = j * wn[iz];
			if (iz === 0) {
				// Tail (Marsaglia 1964): exponential proposals beyond R.
				let tx: number;
				let ty: number;
				do {
					tx = -Math.log(u.nextDouble()) / R;
					ty = -Math.log(u.nextDouble());
				} while (ty + ty < tx * tx);
				return j > 0 ? R + tx : -R - tx;
			}
			if (fn[iz] + u.nextDouble() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
			const r = u.nextInt32();
			iz = r & 127;
			j = r >> 7;
			if (Math.abs(j) < kn[iz]) return j * wn[iz];
		}
	}
}
