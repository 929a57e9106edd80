import { describe, expect, it } from 'vitest';
import { deriveSeed, Rng, Stream, streamRng } from './seeded';

describe('seeded randomness', () => {
	it('derives the same seed from the same parts and different seeds from different parts', () => {
		expect(deriveSeed(1, 2, 3)).toBe(deriveSeed(1, 2, 3));
		expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(1, 2, 4));
		expect(deriveSeed(1, Stream.batch, 7)).not.toBe(deriveSeed(1, Stream.noise, 7));
		expect(deriveSeed(2 ** 40, 1)).not.toBe(deriveSeed(0, 1));
	});

	it('reproduces a stream and gives roughly standard normals', () => {
		const a = streamRng(5, Stream.init).normals(20000);
		const b = streamRng(5, Stream.init).normals(20000);
		expect(Array.from(a)).toEqual(Array.from(b));
		const mean = a.reduce((s, v) => s + v, 0) / a.length;
		const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
		expect(Math.abs(mean)).toBeLessThan(0.03);
		expect(Math.abs(variance - 1)).toBeLessThan(0.05);
	});

	it('shuffles into a permutation', () => {
		const x = new Rng(3).shuffle(Int32Array.from({ length: 100 }, (_, i) => i));
		expect(Array.from(x).sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
		expect(Array.from(x)).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
	});
});
