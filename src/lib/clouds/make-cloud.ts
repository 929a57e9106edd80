/**
 * Seeded 2-D point clouds for the theory figures. Row-major Float64Array of n × 2. The Gaussian kinds go through
 * the same sampler as the probe's test clouds (./affine-gaussian).
 * Pure: no DOM, no Svelte.
 */
import { GaussianSource, Xoshiro128 } from '$lib/random';
import type { CloudKind } from '$lib/state/figures';
import { sampleAffineGaussian } from './affine-gaussian';

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
	const cos = Math.cos(TILT);
	const sin = Math.sin(TILT);
	const tilt = [cos, -sin, sin, cos];
	if (kind === 'ring') return ring(n, g, new Xoshiro128(seed * 104729 + 3), tilt);
	const normal = () => g.next();
	if (kind === 'anisotropic') return sampleAffineGaussian(n, { std: [2, 0.8], Q: tilt }, normal);
	const cs = centres(kind, sep);
	// Equal-sized blobs keep the data symmetric.
	return sampleAffineGaussian(n, { std: [1, 1], Q: tilt, centre: (i) => cs[i % cs.length] }, normal);
}

/** A noisy ring of radius 3 (not Gaussian: a uniform angle), tilted like the others. */
function ring(n: number, g: GaussianSource, u: Xoshiro128, tilt: number[]): Float64Array {
	const out = new Float64Array(n * 2);
	for (let i = 0; i < n; i++) {
		const th = 2 * Math.PI * u.nextDouble();
		const r = 3 + 0.3 * g.next();
		const x = r * Math.cos(th);
		const y = r * Math.sin(th);
		out[2 * i] = tilt[0] * x + tilt[1] * y;
		out[2 * i + 1] = tilt[2] * x + tilt[3] * y;
	}
	return out;
}
