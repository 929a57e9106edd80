import { describe, expect, it } from 'vitest';
import { makeCloud } from './make-cloud';
import { gaussianCloud } from '../probe/gaussian-cloud';
import { CLOUD_KINDS } from '$lib/state/figures';

/** FNV-1a over the bytes of a Float64Array: equal only when every draw is equal to the last bit. */
function fingerprint(a: Float64Array): string {
	const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
	let h = 0x811c9dc5;
	for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
	return (h >>> 0).toString(16);
}

// Recorded before the two point-cloud generators shared one sampler: the theory figures and the probe's tests and
// benchmarks must keep drawing exactly these clouds.
describe('point clouds keep their seeded draws', () => {
	it('theory-figure clouds (every kind)', () => {
		const got = Object.fromEntries(CLOUD_KINDS.map((k) => [k, fingerprint(makeCloud(k, { n: 300, sep: 3, seed: 4 }))]));
		expect(got).toEqual(PINNED_FIGURE_CLOUDS);
	});

	it('probe test clouds (axis-aligned, rotated, with a mean)', () => {
		const plain = gaussianCloud(500, [5, 2, 1], 7);
		const rotated = gaussianCloud(400, [5, 2, 1, 1, 0.5, 0.25], 2024, { rotate: true, mean: [3, -1, 0, 2, 7, -4] });
		expect([fingerprint(plain.Z), fingerprint(plain.Q), fingerprint(rotated.Z), fingerprint(rotated.Q)]).toEqual(PINNED_PROBE_CLOUDS);
	});
});

const PINNED_FIGURE_CLOUDS: Record<string, string> = { 'two-blobs': 'e0303661', 'four-blobs': '599dd763', anisotropic: '147e01e5', ring: '5ab8c119' };
const PINNED_PROBE_CLOUDS = ['c5ee77a3', '471ca738', '1dd53a43', '71ca36b'];
