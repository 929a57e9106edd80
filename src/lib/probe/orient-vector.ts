/**
 * Fixes the sign of an eigenvector (row r of a k×d block): positive overlap with `reference` when one is given
 * (keeps v1 from flipping between snapshots), otherwise its largest-magnitude component positive.
 */
export function orientVector(V: Float64Array, r: number, d: number, reference?: Float64Array | null): void {
	const o = r * d;
	let sign = 0;
	if (reference && reference.length >= o + d) {
		let dot = 0;
		for (let j = 0; j < d; j++) dot += V[o + j] * reference[o + j];
		sign = dot < 0 ? -1 : dot > 0 ? 1 : 0;
	}
	if (sign === 0) {
		let best = 0;
		for (let j = 0; j < d; j++) if (Math.abs(V[o + j]) > Math.abs(best)) best = V[o + j];
		sign = best < 0 ? -1 : 1;
	}
	if (sign < 0) for (let j = 0; j < d; j++) V[o + j] = -V[o + j];
}
