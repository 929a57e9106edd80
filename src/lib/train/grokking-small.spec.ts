import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer } from './create-trainer';
import { useNodeBackend } from './node/node-backend';
import { getPreset } from './presets';

describe('grokking-small preset on wasm', () => {
	beforeAll(async () => {
		const { backend } = await useNodeBackend();
		expect(backend).toBe('wasm');
	});

	it('memorises first, then generalises to test accuracy ≥ 0.9 within its step budget', async () => {
		const { config } = getPreset('grokking-small', 'grokking');
		const t = createTrainer(config, 1);
		let memorised: number | null = null;
		let generalised: number | null = null;
		for (let step = 0; step <= config.steps && generalised === null; step += 50) {
			const { metrics: m } = await t.evaluate();
			if (m.kind !== 'grokking') throw new Error('expected grokking metrics');
			if (memorised === null && m.trainAcc >= 0.99) memorised = step;
			if (m.testAcc >= 0.9) generalised = step;
			t.train(50);
		}
		t.dispose();
		expect(memorised).not.toBeNull();
		expect(generalised).not.toBeNull();
		// Grokking: generalisation comes well after memorisation.
		expect(generalised!).toBeGreaterThan(3 * memorised!);
	});
});
