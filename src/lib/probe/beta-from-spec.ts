import { ProbeInputError } from './probe-error';
import { readoutRmsNorm } from './readout-rms-norm';
import type { BetaSpec } from './types';

/**
 * β(t) from the chosen provider (docs/theory.md §3). `trace` is tr Σ of the snapshot the probe runs on
 * (for `kernel`, of the L2-normalised rows — normalising is the caller's job), `d` its dimension.
 * - fixed: β
 * - readout: ‖W_c‖_rms / √(tr Cov h), so that ρ = ‖W_c‖_rms·λ1/√(tr Cov h)
 * - kernel: 1/τ
 * - residual: d / E‖x − x̂‖²
 * - calibrated: β̃ / tr Σ_t
 * Throws ProbeInputError on a malformed spec (non-positive τ, mse, β̃, wrong W size).
 */
export function betaFromSpec(spec: BetaSpec, ctx: { d: number; trace: number }): number {
	const { d, trace } = ctx;
	const positive = (x: number, what: string): number => {
		if (!(x > 0) || !Number.isFinite(x)) throw new ProbeInputError(`${what} must be a positive finite number, got ${x}`);
		return x;
	};
	switch (spec.mode) {
		case 'fixed':
			if (!(spec.beta >= 0) || !Number.isFinite(spec.beta))
				throw new ProbeInputError(`beta must be a non-negative finite number, got ${spec.beta}`);
			return spec.beta;
		case 'kernel':
			return 1 / positive(spec.tau, 'tau');
		case 'residual': {
			const beta = d / positive(spec.mse, 'mse');
			if (!Number.isFinite(beta))
				throw new ProbeInputError(`mse = ${spec.mse} is so small that β = d/mse is infinite; the reconstruction error must be > ${d / Number.MAX_VALUE}`, 'degenerate');
			return beta;
		}
		case 'calibrated':
			// β̃ = 0 is allowed (calibrated at β = 0: the probe sits at its symmetric state).
			if (!(spec.betaTilde >= 0) || !Number.isFinite(spec.betaTilde))
				throw new ProbeInputError(`betaTilde must be a non-negative finite number, got ${spec.betaTilde}`);
			return spec.betaTilde / positive(trace, 'tr Σ (calibrated mode)');
		case 'readout': {
			const C = spec.classes;
			if (!Number.isInteger(C) || C < 2) throw new ProbeInputError(`readout needs at least 2 classes, got ${C}`);
			if (spec.W.length !== C * d)
				throw new ProbeInputError(
					`readout W has ${spec.W.length} entries, expected classes × d = ${C} × ${d} = ${C * d}`
				);
			return readoutRmsNorm(spec.W, C, d) / Math.sqrt(positive(trace, 'tr Cov h (readout mode)'));
		}
		default: {
			const mode = (spec as { mode?: unknown }).mode;
			throw new ProbeInputError(`unknown beta mode ${String(mode)}`);
		}
	}
}
