import { describe, expect, it } from 'vitest';
import { scaleOf, uploadSaeConfig } from './upload-config';
import type { UploadedActivations } from './upload-validate';

function data(n: number, d: number, x?: Float32Array): UploadedActivations {
	return { n, d, x: x ?? new Float32Array(n * d).map((_, i) => (i % 7) - 3), labels: null, classes: 0, labelValues: [], name: 'a.npy', labelsName: null };
}

describe('the SAE configuration of an uploaded file', () => {
	it('sizes the SAE from d and the width, and the evaluation from N and d', () => {
		const small = uploadSaeConfig(data(500, 16), 4);
		expect([small.inputDim, small.atoms, small.evalSamples, small.probeSamples, small.probeEvery]).toEqual([16, 64, 500, 500, 25]);
		const wide = uploadSaeConfig(data(10_000, 512), 2);
		expect([wide.atoms, wide.evalSamples, wide.probeSamples, wide.probeEvery]).toEqual([1024, 512, 256, 50]);
		expect(uploadSaeConfig(data(64, 2048), 1).probeEvery).toBe(200);
	});

	it('scales the centred cloud to total variance 1', () => {
		const x = Float32Array.from({ length: 100 * 2 }, (_, i) => (i % 2 === 0 ? 10 + ((i / 2) % 2 ? 3 : -3) : 5));
		const { scale, mean } = scaleOf(x, 100, 2);
		expect(mean[0]).toBeCloseTo(10, 10);
		expect(scale).toBeCloseTo(1 / 3, 10); // E‖x − x̄‖² = 9
	});

	it('refuses an SAE too big for a tab', () => {
		expect(() => uploadSaeConfig(data(64, 4096), 4)).toThrow(/16384 atoms is too wide; the limit is 8192/);
		expect(() => uploadSaeConfig(data(64, 4096), 2)).toThrow(/encoder weights; the limit is 16777216/);
		expect(uploadSaeConfig(data(64, 4096), 1).atoms).toBe(4096);
		expect(() => uploadSaeConfig(data(64, 8), 0)).toThrow(/width multiple must be > 0/);
	});
});
