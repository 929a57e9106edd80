/**
 * Euler–Maruyama for da = (μ(t) − γ) a dt − a³ dt + σ dW over many paths at once (docs/theory.md §5).
 *
 * All active paths advance together, one tight loop per time step, with one shared draw of μ(t) and a buffer of
 * Gaussian increments. Paths that have escaped (|a| ≥ a_th) leave the active list, so long plateau escapes stay
 * cheap once most paths are out. The work can be spread over animation frames with advance({ budgetMs }): the
 * random stream is consumed step by step in path order, so the result does not depend on how it was chunked.
 */
import { GaussianSource } from '../random';
import { SampleRecorder } from './sample-recorder';
import {
	drawnValue,
	scheduleCrossingTime,
	scheduleStartTime,
	scheduleValue,
	validateSchedule
} from './schedule';
import { escapeStatistics } from './statistics';
import { escapeLag } from './lag';
import { predictEscapeTime } from './predict-escape';
import type { NormalFormParams, SimulationResult } from './types';

export interface AdvanceOptions {
	/** Stop after this many time steps (default: no limit). */
	maxSteps?: number;
	/** Stop once this many milliseconds have passed (checked every few steps; default: no limit). */
	budgetMs?: number;
}

/** Steps between clock checks when advancing under a time budget. */
const STEPS_PER_CLOCK_CHECK = 16;

export class NormalFormSimulation {
	readonly params: NormalFormParams;
	readonly startTime: number;
	/** Total number of steps to reach tMax. */
	readonly totalSteps: number;

	/**
	 * values[j] is the current a of path active[j]. Both lists are compacted in order as paths escape; the recorded
	 * paths 0..samplePaths−1 are never dropped, so they always sit at positions 0..samplePaths−1.
	 */
	private readonly values: Float64Array;
	private readonly escapeTimes: Float64Array;
	/** Indices of the paths still advanced: not yet escaped, or recorded for plotting. */
	private readonly active: Int32Array;
	private activeCount: number;
	private notEscaped: number;
	private readonly noise: Float64Array;
	private readonly rng: GaussianSource;
	private readonly recorder: SampleRecorder;
	private readonly samplePaths: number;
	private step = 0;
	private drawnSegment = 0;

	constructor(params: NormalFormParams) {
		validateParams(params);
		this.params = params;
		this.startTime = scheduleStartTime(params.schedule);
		this.totalSteps = Math.max(0, Math.ceil((params.tMax - this.startTime) / params.dt - 1e-9));
		const n = params.paths;
		this.samplePaths = Math.min(params.samplePaths ?? 0, n);
		this.values = new Float64Array(n).fill(params.a0 ?? 0);
		this.escapeTimes = new Float64Array(n).fill(Infinity);
		this.active = new Int32Array(n);
		this.noise = new Float64Array(n);
		this.rng = new GaussianSource(params.seed);
		this.recorder = new SampleRecorder(this.samplePaths);
		this.activeCount = n;
		this.notEscaped = n;
		for (let i = 0; i < n; i++) this.active[i] = i;
		// A path that starts beyond the threshold has escaped at the start.
		for (let i = 0; i < n; i++) {
			if (Math.abs(this.values[i]) >= params.aTh) {
				this.escapeTimes[i] = this.startTime;
				this.notEscaped--;
			}
		}
		this.compactActive();
		this.recorder.record(this.startTime, this.values);
	}

	/** Current time of the simulation clock. */
	get time(): number {
		return this.startTime + this.step * this.params.dt;
	}

	/** True once every path has escaped or tMax was reached. */
	get done(): boolean {
		return this.notEscaped === 0 || this.step >= this.totalSteps;
	}

	/** Fraction of the way to tMax (1 when done). */
	get progress(): number {
		return this.done ? 1 : this.step / this.totalSteps;
	}

	/** Advances until done or a limit is hit; returns done. */
	advance(options: AdvanceOptions = {}): boolean {
		const maxSteps = options.maxSteps ?? Infinity;
		const budget = options.budgetMs ?? Infinity;
		const started = Number.isFinite(budget) ? performance.now() : 0;
		let taken = 0;
		while (!this.done && taken < maxSteps) {
			this.takeStep();
			taken++;
			if (taken % STEPS_PER_CLOCK_CHECK === 0 && Number.isFinite(budget) && performance.now() - started >= budget)
				break;
		}
		return this.done;
	}

	/** Statistics of what has been simulated so far (final once done). */
	result(): SimulationResult {
		const stats = escapeStatistics(this.escapeTimes);
		const { schedule, gamma } = this.params;
		return {
			escapeTimes: this.escapeTimes.slice(),
			median: stats.median,
			q25: stats.q25,
			q75: stats.q75,
			escapedFraction: stats.escapedFraction,
			samples: this.recorder.result(),
			startTime: this.startTime,
			time: this.time,
			done: this.done,
			crossingTime: scheduleCrossingTime(schedule, 0),
			instabilityTime: scheduleCrossingTime(schedule, gamma),
			prediction: predictEscapeTime(this.params),
			lag: escapeLag(schedule, stats.median)
		};
	}

	private growthRate(t: number): number {
		const { schedule, gamma } = this.params;
		if (schedule.kind === 'drawn') {
			const { value, segment } = drawnValue(schedule.times, schedule.values, t, this.drawnSegment);
			this.drawnSegment = segment;
			return value - gamma;
		}
		return scheduleValue(schedule, t) - gamma;
	}

	private takeStep(): void {
		const { dt, sigma, aTh } = this.params;
		const rate = this.growthRate(this.time);
		const tNext = this.startTime + (this.step + 1) * dt;
		const noiseScale = sigma * Math.sqrt(dt);
		const count = this.activeCount;
		const values = this.values;
		const active = this.active;
		const noise = this.noise;
		const escapeTimes = this.escapeTimes;
		const samplePaths = this.samplePaths;
		// With σ = 0 the buffer stays all zeros, so the loop needs no branch on σ.
		if (noiseScale > 0) this.rng.fill(noise, count);
		let kept = 0;
		for (let j = 0; j < count; j++) {
			const x = values[j];
			const y = x + dt * (rate * x - x * x * x) + noiseScale * noise[j];
			const i = active[j];
			if ((y >= aTh || y <= -aTh) && escapeTimes[i] === Infinity) {
				escapeTimes[i] = tNext;
				this.notEscaped--;
				if (i >= samplePaths) continue; // drop from the active list
			}
			// Compaction preserves order, so kept ≤ j and nothing unread is overwritten.
			values[kept] = y;
			active[kept++] = i;
		}
		this.activeCount = kept;
		this.step++;
		if (this.recorder.wants(this.step)) this.recorder.record(tNext, values);
	}

	/** Keeps only the paths still needed (used once, after the initial escape check). */
	private compactActive(): void {
		let kept = 0;
		for (let j = 0; j < this.activeCount; j++) {
			const i = this.active[j];
			if (this.escapeTimes[i] === Infinity || i < this.samplePaths) {
				this.values[kept] = this.values[j];
				this.active[kept++] = i;
			}
		}
		this.activeCount = kept;
	}
}

/** Runs the whole simulation at once. */
export function simulateNormalForm(params: NormalFormParams): SimulationResult {
	const sim = new NormalFormSimulation(params);
	sim.advance();
	return sim.result();
}

function validateParams(p: NormalFormParams): void {
	validateSchedule(p.schedule);
	if (!Number.isFinite(p.gamma)) throw new Error('gamma must be finite');
	if (!(p.sigma >= 0) || !Number.isFinite(p.sigma)) throw new Error('sigma must be ≥ 0');
	if (!(p.aTh > 0)) throw new Error('aTh must be > 0');
	if (!(p.dt > 0)) throw new Error('dt must be > 0');
	if (!Number.isFinite(p.tMax)) throw new Error('tMax must be finite');
	if (!Number.isInteger(p.paths) || p.paths < 1) throw new Error('paths must be a positive integer');
	if (!Number.isInteger(p.seed)) throw new Error('seed must be an integer');
	if (p.a0 !== undefined && !Number.isFinite(p.a0)) throw new Error('a0 must be finite');
	if (p.samplePaths !== undefined && (!Number.isInteger(p.samplePaths) || p.samplePaths < 0))
		throw new Error('samplePaths must be a non-negative integer');
}
