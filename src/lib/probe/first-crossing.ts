/**
 * Step at which a series first reaches `threshold` (value ≥ threshold), linearly interpolated between the last
 * snapshot below and the first at/above; the first step itself if the series starts there. null if never.
 * Non-finite values are skipped.
 */
export function firstCrossing(steps: number[], values: number[], threshold: number): number | null {
	let prevStep = NaN;
	let prevValue = NaN;
	for (let i = 0; i < steps.length; i++) {
		const v = values[i];
		if (!Number.isFinite(v)) continue;
		if (v >= threshold) {
			if (Number.isNaN(prevValue)) return steps[i];
			const f = (threshold - prevValue) / (v - prevValue);
			return prevStep + f * (steps[i] - prevStep);
		}
		prevStep = steps[i];
		prevValue = v;
	}
	return null;
}
