/**
 * Trims the measured SSL runs (content/data/ssl-*.json) to what the article's `ssl` figure draws: per run its
 * step, ρ and kNN columns, the raw-input baseline and the crossing after ρ's dip. Pure: JSON in, JSON out.
 */
import { crossingAfterDip } from '$lib/train/ssl-crossing';
import type { SweepDocument } from '$lib/content/sweep-table';
import { provenanceOf } from './sweep-table';

export type SslGroup = 'synthetic' | 'digits' | 'tau';
export const SSL_GROUPS: readonly SslGroup[] = ['synthetic', 'digits', 'tau'];

export interface SslRun {
	seed: number;
	tau: number;
	data: string;
	step: number[];
	rho: (number | null)[];
	knnAcc: (number | null)[];
	rawKnnAcc: number | null;
	/** ρ's upward crossing of 1 after its early dip, or null. */
	crossing: number | null;
}

export interface SslFile {
	command: string;
	date: string;
	backend: string;
	runs: SslRun[];
}

export function extractSsl(doc: SweepDocument): SslFile {
	return {
		...provenanceOf(doc),
		runs: doc.runs.map((r) => {
			const t = r.trajectory ?? {};
			const step = (t.step ?? []).map((v) => v ?? NaN);
			const rho = t.rho ?? [];
			const extra = r as unknown as { tau?: number; data?: string };
			return {
				seed: r.seed,
				tau: extra.tau ?? NaN,
				data: extra.data ?? '',
				step,
				rho,
				knnAcc: t.knnAcc ?? [],
				rawKnnAcc: t.rawKnnAcc?.[0] ?? null,
				crossing: crossingAfterDip(step, rho.map((v) => v ?? NaN)).step
			};
		})
	};
}
