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
}

export const SHAPE_SOURCES: ShapeSource[] = [
	{ file: 'grokking-sweep.json', regime: 'grokking', betaMode: 'readout', wtOf: 'row-centred logits', showWeightDecay: true },
	{ file: 'grokking-wd5.json', regime: 'grokking', betaMode: 'readout', wtOf: 'row-centred logits', showWeightDecay: true },
	{ file: 'grokking-large-wd.json', regime: 'grokking', betaMode: 'readout', wtOf: 'row-centred logits', showWeightDecay: true },
	{ file: 'sae-lottery.json', regime: 'SAE', betaMode: 'residual', wtOf: 'codes by dominant feature' }
	// SSL: { file: 'ssl-synthetic.json', regime: 'SSL (synthetic)', betaMode: 'kernel', wtOf: 'embeddings by class' },
];
