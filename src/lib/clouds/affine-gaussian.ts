/**
 * The one Gaussian point-cloud sampler: row i is z_i = offset + Q·(centre_i + std ⊙ g_i), g_i ~ N(0, I) drawn
 * coordinate by coordinate from `normal`. The theory figures' 2-D clouds (make-cloud.ts: blobs and a tilted
 * ellipse, ziggurat normals) and the probe's n-D test clouds (probe/gaussian-cloud.ts: a rotated covariance,
 * mulberry32 normals) are both this map; each keeps its own normal source so their seeded draws stay the same.
 * Pure: no DOM, no Svelte.
 */
export interface AffineGaussian {
	/** Standard deviation per coordinate (its length is the dimension d). */
	std: ArrayLike<number>;
	/** d×d row-major linear map applied after scaling; identity when omitted. */
	Q?: ArrayLike<number>;
	/** Added after the map. */
	offset?: ArrayLike<number>;
	/** Centre of row i before the map (mixtures); none when omitted. */
	centre?: (i: number) => ArrayLike<number>;
}

export function sampleAffineGaussian(n: number, spec: AffineGaussian, normal: () => number): Float64Array {
	const { std, Q, offset, centre } = spec;
	const d = std.length;
	const Z = new Float64Array(n * d);
	const p = new Float64Array(d);
	for (let i = 0; i < n; i++) {
		const c = centre?.(i);
		for (let k = 0; k < d; k++) p[k] = c ? c[k] + std[k] * normal() : std[k] * normal();
		for (let r = 0; r < d; r++) {
			if (!Q) {
				Z[i * d + r] = offset ? offset[r] + p[r] : p[r];
				continue;
			}
			let s = offset ? offset[r] : 0;
			for (let k = 0; k < d; k++) s += Q[r * d + k] * p[k];
			Z[i * d + r] = s;
		}
	}
	return Z;
}
