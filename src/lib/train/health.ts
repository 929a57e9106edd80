/** The NaN / divergence guard: a run whose loss is not finite or exceeds the preset's bound is paused, not continued. */

export type Health =
	| { ok: true }
	| { ok: false; reason: 'nan' | 'diverged'; message: string };

export function checkLoss(loss: number, step: number, divergeLoss: number): Health {
	if (Number.isNaN(loss) || !Number.isFinite(loss)) {
		return {
			ok: false,
			reason: 'nan',
			message: `The training loss became ${String(loss)} at step ${step}: the run cannot continue. Lower the learning rate or the gradient noise, then reset.`
		};
	}
	if (loss > divergeLoss) {
		return {
			ok: false,
			reason: 'diverged',
			message: `The training loss reached ${loss.toPrecision(3)} at step ${step} (limit ${divergeLoss}): the run is diverging. Lower the learning rate or the gradient noise, then reset.`
		};
	}
	return { ok: true };
}
