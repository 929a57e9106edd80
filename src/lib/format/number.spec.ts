import { describe, expect, it } from 'vitest';
import { cliNumber, fixedNumber, fmt } from './number';

// Outputs recorded from the four formatters this module replaced (figure readouts, probe CLI, train CLI, sweep
// tables); the article tables and the CLI reports depend on them.
const xs = [0, 1, -1, 0.5, -0.5, 12345, 1.23456, -0.000012345, 0.000012345, 2345678.9, 12345678, 0.1 + 0.2, 999.96, Infinity, -Infinity, NaN];

describe('one number formatter', () => {
	it('readouts: significant digits, trimmed, typeset minus (also in the exponent), em dash for NaN', () => {
		expect(xs.map((x) => fmt(x))).toEqual(['0', '1', '−1', '0.5', '−0.5', '12300', '1.23', '−1.23e−5', '1.23e−5', '2.35e+6', '1.23e+7', '0.3', '1000', '∞', '−∞', '—']);
		expect(xs.map((x) => fmt(x, 2))).toEqual(['0', '1', '−1', '0.5', '−0.5', '12000', '1.2', '−1.2e−5', '1.2e−5', '2.3e+6', '1.2e+7', '0.3', '1000', '∞', '−∞', '—']);
	});

	it('terminal: exact integers below 1e7, 4 significant digits, ASCII minus, en dash for missing', () => {
		expect(xs.map((x) => cliNumber(x))).toEqual(['0', '1', '-1', '0.5', '-0.5', '12345', '1.235', '-1.23e-5', '1.23e-5', '2.35e+6', '1.23e+7', '0.3', '1000', '∞', '-∞', '–']);
		expect([cliNumber(null), cliNumber(undefined), cliNumber(0.98765, 2)]).toEqual(['–', '–', '0.99']);
	});

	it('tables: exact integers, fixed decimals', () => {
		expect(xs.filter(Number.isFinite).map((x) => fixedNumber(x, 2))).toEqual(['0', '1', '-1', '0.50', '-0.50', '12345', '1.23', '-0.00', '0.00', '2345678.90', '12345678', '0.30', '999.96']);
	});
});
