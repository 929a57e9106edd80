/**
 * What is wrong with the input, for callers that react differently (the lab's worker tells a collapsed run from a
 * bug by `kind`, not by matching the message):
 * - `non-finite`: a NaN or ±Infinity in the data;
 * - `overflow`: finite data whose variance overflows float64 (|values| ≳ 1e150);
 * - `degenerate`: no variance, too few points, or a β that comes out 0 or infinite from the data;
 * - `shape`: sizes that do not fit together;
 * - `parameter`: a malformed option (β, τ, mse, K, …).
 */
export type ProbeInputErrorKind = 'non-finite' | 'overflow' | 'degenerate' | 'shape' | 'parameter';

/** Bad input to the probe: the message is one readable line, meant to be shown as is (never a stack trace). */
export class ProbeInputError extends Error {
	constructor(
		message: string,
		readonly kind: ProbeInputErrorKind = 'parameter'
	) {
		super(message);
		this.name = 'ProbeInputError';
	}
}
