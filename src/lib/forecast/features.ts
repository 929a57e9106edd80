/**
 * The forecast's label-free predictors (docs/theory.md §9), read from a run's snapshot series at a fixed time after
 * memorisation: the anchor is the first snapshot at or after ANCHOR_FACTOR × the train-99% step. Over the snapshots
 * from memorisation to the anchor we take log ρ at the anchor, the log–log slope d log ρ / d log t, and the same slope
 * of β_c (its trend). Train accuracy only fixes the anchor's time; the predictors themselves need no labels.
 */

const MEMORISED_ACC = 0.99;
export const ANCHOR_FACTOR = 2;

/** The columns the predictors need; the lab's series and a saved trajectory both have them. */
export interface ForecastSeries {
	steps: readonly number[];
	rho: readonly (number | null)[];
	betaC: readonly (number | null)[];
	trainAcc: readonly (number | null)[];
}

export interface ForecastFeatures {
	/** First snapshot step with train accuracy ≥ 0.99 (at or after `from`). */
	tMem: number;
	/** Snapshot step at which the predictors are read. */
	tAnchor: number;
	logRho: number;
	/** d log ρ / d log t over [tMem, tAnchor] (least squares). */
	rhoSlope: number;
	/** d log β_c / d log t over the same snapshots. */
	betaCSlope: number;
}

/** Least-squares slope of log y against log t over the points where both are positive and finite; NaN if < 2. */
export function logLogSlope(t: readonly number[], y: readonly (number | null)[]): number {
	const xs: number[] = [];
	const ys: number[] = [];
	t.forEach((ti, i) => {
		const yi = y[i];
		if (ti > 0 && yi !== null && yi > 0 && Number.isFinite(yi)) {
			xs.push(Math.log(ti));
			ys.push(Math.log(yi));
		}
	});
	if (xs.length < 2) return Number.NaN;
	const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
	const my = ys.reduce((a, b) => a + b, 0) / ys.length;
	let sxy = 0;
	let sxx = 0;
	xs.forEach((x, i) => {
		sxy += (x - mx) * (ys[i] - my);
		sxx += (x - mx) ** 2;
	});
	return sxx > 0 ? sxy / sxx : Number.NaN;
}

/**
 * The predictors, or null while the run has not memorised or not reached its anchor yet (or the snapshots from
 * memorisation on are no longer in the series). `from` restarts the clock at a step (e.g. a weight-decay change):
 * memorisation then means the first memorised snapshot at or after it.
 */
export function forecastFeatures(s: ForecastSeries, from = 0, factor = ANCHOR_FACTOR): ForecastFeatures | null {
	const n = s.steps.length;
	let iMem = -1;
	for (let i = 0; i < n; i++) {
		const acc = s.trainAcc[i];
		if (s.steps[i] >= from && acc !== null && acc >= MEMORISED_ACC) {
			iMem = i;
			break;
		}
	}
	if (iMem < 0) return null;
	const tMem = Math.max(s.steps[iMem], 1);
	let iAnchor = -1;
	for (let i = iMem + 1; i < n; i++) {
		if (s.steps[i] >= factor * tMem) {
			iAnchor = i;
			break;
		}
	}
	if (iAnchor < 0) return null;
	const rhoA = s.rho[iAnchor];
	if (rhoA === null || !(rhoA > 0)) return null;
	const t = s.steps.slice(iMem, iAnchor + 1);
	const rhoSlope = logLogSlope(t, s.rho.slice(iMem, iAnchor + 1));
	const betaCSlope = logLogSlope(t, s.betaC.slice(iMem, iAnchor + 1));
	if (!Number.isFinite(rhoSlope) || !Number.isFinite(betaCSlope)) return null;
	return { tMem, tAnchor: s.steps[iAnchor], logRho: Math.log(rhoA), rhoSlope, betaCSlope };
}
