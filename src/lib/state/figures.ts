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
		gamma: { kind: 'number', min: 0, max: 0.012, default: 0, digits: 3 },
		sigma: { kind: 'number', min: 1e-10, max: 1e-2, default: 1e-6, log: true },
		epsilon: { kind: 'number', min: 1e-3, max: 1e-1, default: 1e-2, log: true },
		seed
	},
	grokking: { seed: { kind: 'int', min: 1, max: 3, default: 1 } }
} satisfies Record<string, Schema>;

export type FigureName = keyof typeof FIGURE_SCHEMAS;
export const FIGURE_NAMES = Object.keys(FIGURE_SCHEMAS) as FigureName[];

export const FIGURE_TITLES: Record<FigureName, string> = {
	probe: 'A probe that watches without touching',
	pitchfork: 'The pitchfork',
	hessian: 'The Hessian eigenvalue crossing',
	cascade: 'The cascade',
	delay: 'Delayed symmetry-breaking',
	grokking: 'Measured: grokking through the probe'
};

export function isFigureName(x: string): x is FigureName {
	return (FIGURE_NAMES as string[]).includes(x);
}
