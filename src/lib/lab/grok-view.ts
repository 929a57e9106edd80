/**
 * View helpers for the "what the network learned" panels (prediction table, spectrum, neurons on a clock, try it,
 * frequency lottery): pure functions over the readouts the worker posts (train/grokking-readouts.ts). No DOM.
 */
import type { GrokkingReadouts } from '$lib/train/grokking-readouts';
import type { Snapshot } from '$lib/train/protocol';

export function readoutsOf(s: Snapshot | null | undefined): GrokkingReadouts | null {
	return s && s.metrics.kind === 'grokking' ? (s.metrics.readouts ?? null) : null;
}

/** Indices of the n neurons with the largest strength, strongest first (ties → lower index). */
export function strongestNeurons(strength: ArrayLike<number>, n: number): number[] {
	return Array.from({ length: strength.length }, (_, j) => j)
		.sort((x, y) => strength[y] - strength[x] || x - y)
		.slice(0, Math.max(0, n));
}

/** Power as shares of its total (zeros if the total is 0). */
export function shares(power: ArrayLike<number>): number[] {
	let t = 0;
	for (let i = 0; i < power.length; i++) t += power[i];
	return Array.from(power, (v) => (t > 0 ? v / t : 0));
}

/** One cell of the prediction table: pair (a, b), its truth, the prediction and its confidence. */
export interface Cell {
	a: number;
	b: number;
	truth: number;
	prediction: number;
	confidence: number;
	train: boolean;
	correct: boolean;
}

export function cellAt(r: GrokkingReadouts, a: number, b: number): Cell {
	const i = a * r.p + b;
	const truth = (a + b) % r.p;
	return { a, b, truth, prediction: r.prediction[i], confidence: r.confidence[i] / 255, train: r.isTrain[i] === 1, correct: r.prediction[i] === truth };
}

/** Counts of correct / wrong test and train cells (the table's own tally). */
export function tally(r: GrokkingReadouts): { testRight: number; testTotal: number; trainRight: number; trainTotal: number } {
	let testRight = 0;
	let testTotal = 0;
	let trainRight = 0;
	let trainTotal = 0;
	const p = r.p;
	for (let i = 0; i < p * p; i++) {
		const ok = r.prediction[i] === (Math.floor(i / p) + (i % p)) % p;
		if (r.isTrain[i]) {
			trainTotal++;
			if (ok) trainRight++;
		} else {
			testTotal++;
			if (ok) testRight++;
		}
	}
	return { testRight, testTotal, trainRight, trainTotal };
}

/** Move a cursor on the p × p table with arrow/Home/End keys (wrapping off); null if the key is not a move. */
export function moveCell(a: number, b: number, key: string, p: number): { a: number; b: number } | null {
	const clamp = (v: number) => Math.max(0, Math.min(p - 1, v));
	switch (key) {
		case 'ArrowLeft':
			return { a: clamp(a - 1), b };
		case 'ArrowRight':
			return { a: clamp(a + 1), b };
		case 'ArrowUp':
			return { a, b: clamp(b - 1) };
		case 'ArrowDown':
			return { a, b: clamp(b + 1) };
		case 'Home':
			return { a: 0, b };
		case 'End':
			return { a: p - 1, b };
		default:
			return null;
	}
}

/** Neuron j's weights f_j(a) from a neuron-major int8 block with per-neuron scales. */
export function neuronWeights(weights: Int8Array, scale: Float32Array, j: number, p: number): Float64Array {
	return Float64Array.from({ length: p }, (_, a) => weights[j * p + a] * scale[j]);
}

/**
 * Points of a closed "clock" curve: a at angle 2πa/p clockwise from 12 o'clock, radius r0 + amp·w(a)/max|w| (each curve
 * scaled to its own maximum so that shapes compare across time).
 */
export function clockPoints(w: ArrayLike<number>, r0: number, amp: number): [number, number][] {
	const p = w.length;
	let m = 0;
	for (let a = 0; a < p; a++) m = Math.max(m, Math.abs(w[a]));
	return Array.from({ length: p }, (_, a) => {
		const r = r0 + (m > 0 ? (amp * w[a]) / m : 0);
		const t = (2 * Math.PI * a) / p;
		return [r * Math.sin(t), -r * Math.cos(t)] as [number, number];
	});
}

/** The spectrum over time: up to `maxColumns` snapshots (evenly picked, last included), power shares per frequency. */
export function spectrumStrip(snaps: readonly Snapshot[], maxColumns: number): { steps: number[]; K: number; cells: number[][] } {
	const withR = snaps.filter((s) => readoutsOf(s) !== null);
	if (withR.length === 0) return { steps: [], K: 0, cells: [] };
	const n = withR.length;
	const cols = Math.min(n, Math.max(1, maxColumns));
	const pick = Array.from({ length: cols }, (_, c) => (cols === 1 ? n - 1 : Math.round((c * (n - 1)) / (cols - 1))));
	const K = readoutsOf(withR[0])!.K;
	return {
		steps: pick.map((i) => withR[i].step),
		K,
		cells: pick.map((i) => shares(readoutsOf(withR[i])!.neuronPower))
	};
}

/** Parse the try-it inputs: integers in 0 … p−1, or a message saying what is wrong. */
export function parsePair(aText: string, bText: string, p: number): { a: number; b: number } | { error: string } {
	const parse = (t: string, name: string): number | string => {
		const s = t.trim();
		if (s === '') return `Enter ${name}.`;
		if (!/^[+-]?\d+$/.test(s)) return `${name} must be a whole number, got “${s.slice(0, 12)}”.`;
		const v = Number(s);
		if (v < 0 || v > p - 1) return `${name} must be between 0 and ${p - 1} (the network computes a + b mod ${p}).`;
		return v;
	};
	const a = parse(aText, 'a');
	const b = parse(bText, 'b');
	if (typeof a === 'string') return { error: a };
	if (typeof b === 'string') return { error: b };
	return { a, b };
}

/** Per snapshot with readouts: step, keep-share since the early step (NaN before it) and since step 0, key frequencies. */
export function lotterySeries(snaps: readonly Snapshot[]): { steps: number[]; keep: number[]; keepFromStart: number[]; key: number[] } {
	const out = { steps: [] as number[], keep: [] as number[], keepFromStart: [] as number[], key: [] as number[] };
	for (const s of snaps) {
		const r = readoutsOf(s);
		if (!r) continue;
		out.steps.push(s.step);
		out.keep.push(r.lottery ? r.lottery.keep : NaN);
		out.keepFromStart.push(r.keepFromStart);
		out.key.push(r.keyFrequencies);
	}
	return out;
}
