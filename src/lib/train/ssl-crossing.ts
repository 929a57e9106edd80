/**
 * The SSL crossing that matters: ρ often starts near or above 1 (an untrained encoder's λ1 is already about τ), dips
 * early, then rises through 1 again while the classes form. The tagger's onset (first ρ ≥ 1) is then step 0; this is
 * the first upward crossing after the dip (the minimum of ρ before its peak), linearly interpolated between snapshots.
 */
export interface DipCrossing {
	/** Index and value of the minimum of ρ before its global peak. */
	dipIndex: number;
	/** Step at which ρ rises through 1 after the dip (interpolated), or null if it never does or never dips below 1. */
	step: number | null;
	/** Index of the first snapshot at or after that step. */
	index: number | null;
}

export function crossingAfterDip(steps: readonly number[], rho: readonly number[]): DipCrossing {
	let peak = 0;
	for (let i = 1; i < rho.length; i++) if (rho[i] > rho[peak]) peak = i;
	let dip = 0;
	for (let i = 1; i <= peak; i++) if (rho[i] < rho[dip]) dip = i;
	if (!(rho[dip] < 1)) return { dipIndex: dip, step: null, index: null };
	for (let i = dip + 1; i < rho.length; i++) {
		if (rho[i] >= 1) {
			const f = (1 - rho[i - 1]) / (rho[i] - rho[i - 1]);
			return { dipIndex: dip, step: steps[i - 1] + f * (steps[i] - steps[i - 1]), index: i };
		}
	}
	return { dipIndex: dip, step: null, index: null };
}
