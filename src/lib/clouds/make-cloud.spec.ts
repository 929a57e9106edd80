import { describe, expect, it } from 'vitest';
import { makeCloud } from './make-cloud';
import { CLOUD_KINDS } from '$lib/state/figures';

function variances(z: Float64Array) {
	const n = z.length / 2;
	let mx = 0, my = 0;
	for (let i = 0; i < n; i++) { mx += z[2 * i]; my += z[2 * i + 1]; }
	mx /= n; my /= n;
	let sxx = 0, syy = 0, sxy = 0;
	for (let i = 0; i < n; i++) {
		const a = z[2 * i] - mx, b = z[2 * i + 1] - my;
		sxx += a * a; syy += b * b; sxy += a * b;
	}
	return { sxx: sxx / n, syy: syy / n, sxy: sxy / n };
}

describe('makeCloud', () => {
	it('is seeded and finite for every kind', () => {
		for (const kind of CLOUD_KINDS) {
			const a = makeCloud(kind, { n: 200, sep: 3, seed: 4 });
			expect(a).toEqual(makeCloud(kind, { n: 200, sep: 3, seed: 4 }));
			expect(a).not.toEqual(makeCloud(kind, { n: 200, sep: 3, seed: 5 }));
			expect(a.every(Number.isFinite)).toBe(true);
		}
	});

	it('two blobs: total variance ≈ 2 (unit blobs) + sep²/4', () => {
		const v = variances(makeCloud('two-blobs', { n: 4000, sep: 4, seed: 1 }));
		expect(v.sxx + v.syy).toBeCloseTo(2 + 4, 0);
	});
});
