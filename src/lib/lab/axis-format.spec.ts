import { describe, expect, it } from 'vitest';
import { logTickLabel, stepLabel } from './axis-format';

describe('axis labels', () => {
	it('labels 1, 2, 5 × 10^k only', () => {
		expect([0.1, 0.2, 0.3, 0.5, 1, 4, 20, 500, 700].map(logTickLabel)).toEqual(['0.1', '0.2', '', '0.5', '1', '', '20', '500', '']);
		expect(logTickLabel(0)).toBe('');
	});
	it('shortens thousands of steps', () => {
		expect(stepLabel(1500)).toBe('1.5k');
		expect(stepLabel(250)).toBe('250');
	});
});
