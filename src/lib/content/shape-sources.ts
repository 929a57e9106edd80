/**
 * The measured run files (content/data/FILE) that the shapes figure draws, in this order. Adding a regime is one
 * line: any document written by `npm run train -- … --out content/data/FILE` (runs with seed, weightDecay and a
 * per-snapshot trajectory holding step, rho, betaC, spread, trace, effectiveRank and, where labels exist, wt).
 * A listed file that does not exist yet is skipped. New entries go at the end so figure links keep their run index.
 */
export interface ShapeSource {
	/** File name in content/data. */
	file: string;
	/** Regime shown in the figure. */
	regime: string;
	/** β mode the trajectory's ρ was measured in (docs/theory.md §3). */
	betaMode: string;
	/** What the label-based W/T is taken of. */
	wtOf: string;
	/** Put the weight decay in each run's label. */
	showWeightDecay?: boolean;
	/** Put the NT-Xent temperature τ in each run's label (SSL). */
	showTau?: boolean;
	/** Only the runs at these τ (a run already drawn from another file is not drawn twice). */
	taus?: number[];
}

export const SHAPE_SOURCES: ShapeSource[] = [
	{ file: 'grokking-sweep.json', regime: 'grokking', betaMode: 'readout', wtOf: 'row-centred logits', showWeightDecay: true },
	{ file: 'grokking-wd5.json', regime: 'grokking', betaMode: 'readout', wtOf: 'row-centred logits', showWeightDecay: true },
	{ file: 'grokking-large-wd.json', regime: 'grokking', betaMode: 'readout', wtOf: 'row-centred logits', showWeightDecay: true },
	{ file: 'sae-lottery.json', regime: 'SAE', betaMode: 'residual', wtOf: 'codes by dominant feature' },
	{ file: 'ssl-synthetic.json', regime: 'SSL (synthetic)', betaMode: 'kernel', wtOf: 'embeddings by latent class', showTau: true },
	{ file: 'ssl-digits.json', regime: 'SSL (8×8 digits)', betaMode: 'kernel', wtOf: 'embeddings by digit', showTau: true },
	// The τ sweep on seed 1 (its τ = 0.1 run is ssl-synthetic's seed 1): τ = 0.5 keeps ρ below 1 throughout, a
	// natural no-arc run in the SSL regime.
	{ file: 'ssl-tau.json', regime: 'SSL (synthetic)', betaMode: 'kernel', wtOf: 'embeddings by latent class', showTau: true, taus: [0.2, 0.5] }
];
