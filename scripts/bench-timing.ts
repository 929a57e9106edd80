/** Timing for the bench scripts: warm-up past V8's tier-up, then repetitions; the median (and the minimum). */

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export interface TimingOptions {
	/** Stop repeating after about this many ms (at least 3 repetitions). */
	budget?: number;
	maxReps?: number;
	/** Warm-up: up to warmCalls calls or warmMs ms, whichever ends first (Liftoff → TurboFan for wasm and the TS around it). */
	warmCalls?: number;
	warmMs?: number;
}

export interface Timing {
	median: number;
	min: number;
}

export function timeIt(fn: () => void, options: TimingOptions = {}): Timing {
	const { budget = 1500, maxReps = 21, warmCalls = 20, warmMs = 300 } = options;
	const warm = performance.now();
	for (let i = 0; i < warmCalls && performance.now() - warm < warmMs; i++) fn();
	const xs: number[] = [];
	const start = performance.now();
	while (xs.length < 3 || (xs.length < maxReps && performance.now() - start < budget)) {
		const t0 = performance.now();
		fn();
		xs.push(performance.now() - t0);
	}
	return { median: median(xs), min: Math.min(...xs) };
}
