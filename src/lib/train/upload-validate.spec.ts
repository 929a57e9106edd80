import { describe, expect, it } from 'vitest';
import { writeNpy } from '../probe/npy-write';
import { npyBytes, uploadFixtures } from './upload-fixtures';
import { readActivations, readLabels, readUpload, UPLOAD_LIMITS, UploadError } from './upload-validate';

function refusal(f: () => unknown): UploadError {
	try {
		f();
	} catch (e) {
		if (e instanceof UploadError) return e;
		throw e;
	}
	throw new Error('expected an UploadError, nothing was thrown');
}

describe('reading your activations', () => {
	it('reads a valid (N, d) float32 file with int64 labels, mapping labels to dense classes', () => {
		const valid = uploadFixtures().find((f) => f.kind === null)!;
		const u = readUpload(valid.activations, valid.labels, { name: 'a.npy', labelsName: 'l.npy' });
		expect([u.n, u.d]).toEqual([256, 16]);
		expect(u.classes).toBe(4);
		expect(u.labelValues).toEqual([0, 10, 20, 30]);
		expect(Array.from(u.labels!.subarray(0, 6))).toEqual([0, 1, 2, 3, 0, 1]);
		expect(u.name).toBe('a.npy');
	});

	it('converts float64 activations and accepts float labels holding whole numbers', () => {
		const x = Float64Array.from({ length: 64 * 3 }, (_, i) => i / 7);
		const a = readActivations(writeNpy(x, [64, 3]));
		expect(a.x).toBeInstanceOf(Float32Array);
		expect(a.x[10]).toBeCloseTo(10 / 7, 6);
		const l = readLabels(npyBytes('<f4', [64, 1], Float32Array.from({ length: 64 }, (_, i) => i % 3)), 64);
		expect(l.classes).toBe(3);
	});

	for (const f of uploadFixtures().filter((f) => f.kind !== null)) {
		it(`refuses: ${f.name}`, () => {
			const e = refusal(() => readUpload(f.activations, f.labels));
			expect(e.kind).toBe(f.kind);
			expect(e.message).toMatch(f.says!);
		});
	}

	it('names the row and column of the first non-finite value', () => {
		const f = uploadFixtures().find((f) => f.kind === 'non-finite')!;
		expect(refusal(() => readUpload(f.activations, null)).message).toMatch(/NaN\) at row 5, column 3/);
		const big = new Float64Array(64 * 2);
		big[7] = 1e300; // finite in float64, Infinity in float32
		expect(refusal(() => readActivations(writeNpy(big, [64, 2]))).message).toMatch(/row 3, column 1/);
	});

	it('refuses a file over the size limit before parsing it', () => {
		const fake = { byteLength: UPLOAD_LIMITS.maxBytes + 1 } as unknown as Uint8Array;
		const huge = Object.setPrototypeOf(fake, Uint8Array.prototype) as Uint8Array;
		const e = refusal(() => readActivations(huge, 'big.npy'));
		expect(e.kind).toBe('too-large');
		expect(e.message).toMatch(/big\.npy is 256 MB; the limit is 256 MB/);
	});
});
