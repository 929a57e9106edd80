import { describe, expect, it } from 'vitest';
import { EarlyPurity } from './early-purity';

const purity = (xs: number[]) => Float32Array.from(xs);
const alive = (n: number) => new Uint8Array(n).fill(1);

describe('EarlyPurity', () => {
	it('keeps the purity of the early step and compares later evaluations with it', () => {
		const e = new EarlyPurity(0.1, 100);
		expect(e.earlyStep).toBe(10);
		expect(e.observe(5, purity([0.1, 0.2, 0.3, 0.4]), alive(4), 0.25)).toBeNull();
		const at = e.observe(10, purity([0.1, 0.2, 0.3, 0.4]), alive(4), 0.25);
		expect(at?.earlyStep).toBe(10);
		const later = e.observe(50, purity([0.4, 0.3, 0.2, 0.1]), alive(4), 0.25);
		expect(later?.spearman).toBeCloseTo(-1, 12);
	});

	it('survives a checkpoint round trip and forgets on reset; keep = false records nothing', () => {
		const e = new EarlyPurity(0.5, 2);
		expect(e.earlyStep).toBe(1);
		e.observe(1, purity([0.1, 0.5, 0.9]), alive(3), 0.3);
		const saved = e.export();
		e.reset();
		expect(e.observe(2, purity([0.1, 0.5, 0.9]), alive(3), 0.3)).toBeNull();
		e.import(saved);
		expect(e.observe(2, purity([0.1, 0.5, 0.9]), alive(3), 0.3)?.spearman).toBeCloseTo(1, 12);
		const unlabelled = new EarlyPurity(0.5, 2);
		unlabelled.observe(1, purity([0.1, 0.5, 0.9]), alive(3), 0.3, false);
		expect(unlabelled.export()).toBeNull();
	});
});
