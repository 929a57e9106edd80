import { beforeAll, describe, expect, it } from 'vitest';
import { runHeadless } from './headless';
import { useNodeBackend } from './node-backend';
import { tinyGrokking, tinySae } from '../test-configs';

describe('headless runs', () => {
	beforeAll(async () => {
		await useNodeBackend();
	});

	it('runs grokking to its step budget with a snapshot every k steps and a summary', async () => {
		const r = await runHeadless(tinyGrokking(), 1, { steps: 40 });
		expect(r.records.map((x) => x.step)).toEqual([0, 10, 20, 30, 40]);
		expect(r.summary.toy).toBe('grokking');
		expect(r.summary.steps).toBe(40);
		expect(r.msPerStep).toBeGreaterThan(0);
	});

	it('reports the SAE lottery statistics at the end', async () => {
		const r = await runHeadless(tinySae({ steps: 100 }), 1, { steps: 100 });
		expect(r.records.map((x) => x.step)).toContain(5); // 5% of 100: the lottery's early snapshot
		if (r.summary.toy !== 'sae') throw new Error('expected sae');
		expect(r.summary.lottery?.earlyStep).toBe(5);
		expect(r.summary.lottery?.nAlive).toBeGreaterThan(0);
	});

	it('stops a diverging run and says why', async () => {
		const r = await runHeadless(tinyGrokking({ hyper: { lr: 1e4, weightDecay: 0, noise: 0 } }), 1, { steps: 200 });
		expect(r.summary.stopped).toMatch(/loss/);
		expect(r.summary.steps).toBeLessThan(200);
	});
});
