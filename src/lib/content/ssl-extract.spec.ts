import { describe, expect, it } from 'vitest';
import { extractSsl } from './ssl-extract';
import type { SweepDocument } from '$lib/content/sweep-table';

describe('extractSsl', () => {
	it('keeps step, ρ and kNN, the raw baseline and the crossing after the dip', () => {
		const doc = {
			command: 'npm run train -- ssl',
			date: '2026-11-30T00:00:00Z',
			backend: 'wasm',
			preset: 'ssl',
			runs: [
				{
					seed: 2,
					weightDecay: 0,
					tau: 0.2,
					data: 'synthetic',
					summary: { toy: 'ssl' },
					trajectory: { step: [0, 10, 20], rho: [1.1, 0.5, 1.5], knnAcc: [0.2, 0.5, 0.9], rawKnnAcc: [0.4, 0.4, 0.4], lambda1: [1, 2, 3] }
				}
			]
		} as unknown as SweepDocument;
		const out = extractSsl(doc);
		expect(out.command).toBe('npm run train -- ssl');
		expect(out.runs).toEqual([
			{ seed: 2, tau: 0.2, data: 'synthetic', step: [0, 10, 20], rho: [1.1, 0.5, 1.5], knnAcc: [0.2, 0.5, 0.9], rawKnnAcc: 0.4, crossing: 15 }
		]);
	});
});
