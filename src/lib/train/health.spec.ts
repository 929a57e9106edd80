import { describe, expect, it } from 'vitest';
import { checkLoss } from './health';

describe('loss guard', () => {
	it('passes finite losses and stops NaN, infinite and exploding ones with an explanation', () => {
		expect(checkLoss(1.2, 10, 100).ok).toBe(true);
		const nan = checkLoss(NaN, 10, 100);
		expect(nan.ok).toBe(false);
		if (!nan.ok) {
			expect(nan.reason).toBe('nan');
			expect(nan.message).toMatch(/step 10/);
		}
		const inf = checkLoss(Infinity, 3, 100);
		expect(!inf.ok && inf.reason).toBe('nan');
		const big = checkLoss(1e5, 3, 100);
		expect(!big.ok && big.reason).toBe('diverged');
	});
});
