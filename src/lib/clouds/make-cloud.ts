/**
 * Seeded 2-D point clouds for the theory figures. Row-major Float64Array of n × 2.
 * Pure: no DOM, no Svelte.
 */
import { GaussianSource, Xoshiro128 } from '$lib/random';
import type { CloudKind } from '$lib/state/figures';

export interface CloudParams {
	n: number;
	/** Separation of blob centres (two-blobs, four-blobs) in units of the blob's standard deviation. */
	sep: number;
	seed: number;
}

const TILT = (20 * Math.PI) / 180;

/** Centres of the blobs; four-blobs is a 2:1 rectangle so the cascade splits the long side first. */
function centres(kind: CloudKind, sep: number): [number, number][] {
	if (kind === 'two-blobs') return [[-sep / 2, 0], [sep / 2, 0]];
	if (kind === 'four-blobs')
		return [
			[-sep, -sep / 2],
			[-sep, sep / 2],
			[sep, -sep / 2],
			[sep, sep / 2]
		];
	return [[0, 0]];
}

export function makeCloud(kind: CloudKind, { n, sep, seed }: CloudParams): Float64Array {
	const g = new GaussianSource(seed * 7919 + 17);
	const u = new Xoshiro128(seed * 104729 + 3);
	const out = new Float64Array(n * 2);
	const cs = centres(kind, sep);
	const cos = Math.cos(TILT);
	const sin = Math.sin(TILT);
	for (let i = 0; i < n; i++) {
		let x: number;
		let y: number;
		if (kind === 'ring') {
			const th = 2 * Math.PI * u.nextDouble();
			const r = 3 + 0.3 * g.next();
			x = r * Math.cos(th);
			y = r * Math.sin(th);
		} else if (kind === 'anisotropic') {
			x = 2 * g.next();
			y = 0.8 * g.next();
		} else {
			const c = cs[i % cs.length]; // equal-sized blobs keep the data symmetric
			x = c[0] + g.next();
			y = c[1] + g.next();
		}
		out[2 * i] = cos * x - sin * y;
		out[2 * i + 1] = sin * x + cos * y;
	}
	return out;
}
