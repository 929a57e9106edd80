import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('ring buffer', () => {
	it('keeps the most recent items, oldest first', () => {
		const r = new RingBuffer<number>(3);
		for (let i = 1; i <= 5; i++) r.push(i);
		expect(r.toArray()).toEqual([3, 4, 5]);
		expect(r.size).toBe(3);
		expect(r.at(0)).toBe(3);
		expect(r.last()).toBe(5);
		r.dropWhile((x) => x > 3);
		expect(r.toArray()).toEqual([3]);
		r.push(9);
		expect(r.toArray()).toEqual([3, 9]);
		r.clear();
		expect(r.toArray()).toEqual([]);
		expect(() => new RingBuffer(0)).toThrow(/capacity/);
	});
});
