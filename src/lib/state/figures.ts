import type { Schema } from './schema';

/** The clouds a visitor can put under the probe (generated in src/lib/clouds). */
export const CLOUD_KINDS = ['two-blobs', 'four-blobs', 'anisotropic', 'ring'] as const;
export type CloudKind = (typeof CLOUD_KINDS)[number];

const cloud = { kind: 'enum', values: CLOUD_KINDS, default: 'two-blobs' } as const;
const seed = { kind: 'int', min: 0, max: 999_999, default: 1 } as const;

/** β is stored as ρ = β/β_c so a link survives a change of cloud. */
const rho = (def: number) => ({ kind: 'number', min: 0.05, max: 20, default: def, log: true }) as const;

export const FIGURE_SCHEMAS = {
	probe: { cloud, rho: rho(0.6), sep: { kind: 'number', min: 0, max: 6, default: 3 }, seed },
	pitchfork: {
		cloud,
		rho: rho(0.8),
		k: { kind: 'int', min: 2, max: 8, default: 2 },
		sep: { kind: 'number', min: 0, max: 6, default: 3 },
		n: { kind: 'int', min: 40, max: 800, default: 300 },
		seed
	},
	hessian: {
		cloud: { ...cloud, default: 'anisotropic' },
		rho: rho(0.7),
		k: { kind: 'int', min: 2, max: 6, default: 2 },
		seed
	},
	// The cascade's sweep and K_eff chart start at 0.4·β_c: below that nothing happens on four clusters.
	cascade: { rho: { ...rho(1.2), min: 0.4 }, sep: { kind: 'number', min: 1, max: 6, default: 3.5 }, seed },
	delay: {
		schedule: { kind: 'enum', values: ['ramp', 'plateau'], default: 'ramp' },
		// γ: the normal form's dissipation (ramp up to 1, plateau up to 0.05); η: the plateau's growth rate μ0 − γ.
		gamma: { kind: 'number', min: 0, max: 1, default: 0, digits: 4 },
		eta: { kind: 'number', min: 1e-3, max: 0.3, default: 0.011, log: true },
		sigma: { kind: 'number', min: 1e-10, max: 1e-2, default: 1e-6, log: true },
		epsilon: { kind: 'number', min: 1e-3, max: 1e-1, default: 1e-2, log: true },
		seed
	},
	grokking: { seed: { kind: 'int', min: 1, max: 3, default: 1 } },
	// shapes: index of the selected measured run (default: grokking, weight decay 0.3, seed 1).
	shapes: { run: { kind: 'int', min: 0, max: 199, default: 3 } },
	forecast: { split: { kind: 'enum', values: ['seed', 'fraction'], default: 'seed' } },
	ssl: { runs: { kind: 'enum', values: ['synthetic', 'digits', 'tau'], default: 'synthetic' } },
	// lottery: measured seed and the scrubbed step as a fraction of training (0.05 = the early step)
	lottery: { seed: { kind: 'int', min: 1, max: 10, default: 1 }, t: { kind: 'number', min: 0, max: 1, default: 0.05, digits: 3 } },
	rescue: { seed: { kind: 'int', min: 1, max: 3, default: 1 } }
} satisfies Record<string, Schema>;

export type FigureName = keyof typeof FIGURE_SCHEMAS;
export const FIGURE_NAMES = Object.keys(FIGURE_SCHEMAS) as FigureName[];

export const FIGURE_TITLES: Record<FigureName, string> = {
	probe: 'A probe that watches without touching',
	pitchfork: 'The pitchfork',
	hessian: 'The Hessian eigenvalue crossing',
	cascade: 'The cascade',
	delay: 'Delayed symmetry-breaking',
	grokking: 'Measured: grokking through the probe',
	shapes: 'Measured: the shapes our runs make',
	forecast: 'Forecasting symmetry breaking from the probe',
	ssl: 'Measured: a contrastive encoder through the probe',
	lottery: 'The feature lottery in the SAE toy',
	rescue: 'Measured: weight decay switched on in a stuck run'
};

export function isFigureName(x: string): x is FigureName {
	return (FIGURE_NAMES as string[]).includes(x);
}
