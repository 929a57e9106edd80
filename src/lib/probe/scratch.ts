/**
 * Reusable float64 buffers for the live probe (centred rows, covariance, tridiagonalisation), so a snapshot every
 * ~20 training steps allocates nothing large. Only for values that never escape a call.
 */
const buffers = new Map<string, Float64Array>();

export function scratch(name: string, length: number): Float64Array {
	let b = buffers.get(name);
	if (!b || b.length < length) {
		b = new Float64Array(length);
		buffers.set(name, b);
	}
	return b;
}
