import { describe, expect, it } from 'vitest';
import { projectOnPlane } from './snapshot';

describe('projection on the principal plane', () => {
	it('centres the listed rows and projects them on v1, v2', () => {
		const X = [1, 2, 3, 4, 5, 6];
		const out = projectOnPlane(X, 2, [0, 2], [1, 1], [1, 0], [0, 1]);
		expect(Array.from(out)).toEqual([0, 1, 4, 5]);
	});
});
