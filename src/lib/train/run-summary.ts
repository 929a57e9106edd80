/**
 * Compact per-snapshot records and the run-level summary the CLI prints and the article quotes: steps to train 99%,
 * test 50% / 95% (first snapshot at or above, so the resolution is probeEvery), the probe's onset / escape /
 * symmetry breaking / lag, and the ρ level after memorisation; for the SAE the final metrics and lottery statistics.
 */
import type { TrajectoryEvents } from '../probe/types';
import type { LotteryStats, Snapshot } from './protocol';
import { crossingAfterDip } from './ssl-crossing';

export interface SnapshotRecord {
	step: number;
	rho: number;
	beta: number;
	betaC: number;
	lambda1: number;
	hessianMin: number;
	spread: number;
	kEff: number;
	wt: number | null;
	trace: number;
	effectiveRank: number;
	trainLoss?: number;
	testLoss?: number;
	trainAcc?: number;
	testAcc?: number;
	weightNorm?: number;
	loss?: number;
	mse?: number;
	l0?: number;
	dead?: number;
	mmcs?: number;
	meanPurity?: number;
	knnAcc?: number;
	rawKnnAcc?: number;
}

export function toRecord(s: Snapshot): SnapshotRecord {
	const p = s.probe;
	const base: SnapshotRecord = {
		step: s.step,
		rho: p.rho,
		beta: p.beta,
		betaC: p.betaC,
		lambda1: p.lambdas[0],
		hessianMin: p.hessianMin,
		spread: p.spread,
		kEff: p.kEff,
		wt: p.wt,
		trace: p.trace,
		effectiveRank: p.effectiveRank
	};
	const m = s.metrics;
	if (m.kind === 'grokking') {
		const { trainLoss, testLoss, trainAcc, testAcc, weightNorm } = m;
		return { ...base, trainLoss, testLoss, trainAcc, testAcc, weightNorm };
	}
	if (m.kind === 'ssl') return { ...base, loss: m.loss, knnAcc: m.knnAcc, rawKnnAcc: m.rawKnnAcc };
	const { loss, mse, l0, dead, mmcs, meanPurity } = m;
	return { ...base, loss, mse, l0, dead, mmcs, meanPurity };
}

/** First record step where `value(r) ≥ threshold`, or null. */
export function firstStepAtLeast(records: SnapshotRecord[], value: (r: SnapshotRecord) => number | undefined, threshold: number): number | null {
	for (const r of records) {
		const v = value(r);
		if (v !== undefined && v >= threshold) return r.step;
	}
	return null;
}

function median(xs: number[]): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const h = s.length >> 1;
	return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

export interface GrokkingSummary {
	toy: 'grokking';
	steps: number;
	train99: number | null;
	test50: number | null;
	test95: number | null;
	onset: number | null;
	escape: number | null;
	symmetryBreaking: number | null;
	lag: number | null;
	shape: TrajectoryEvents['shape'];
	rhoMax: number;
	/** ρ at the first snapshot with test accuracy ≥ 0.5. */
	rhoAtTest50: number | null;
	/** Median ρ after memorisation: snapshots from train99 up to test50 (or the end of the run if it never comes). */
	rhoPlateau: number | null;
	rhoFinal: number;
	finalTrainAcc: number;
	finalTestAcc: number;
	/** Why the run stopped early (NaN/divergence), if it did. */
	stopped: string | null;
}

export interface SaeSummary {
	toy: 'sae';
	steps: number;
	mse: number;
	l0: number;
	dead: number;
	mmcs: number;
	meanPurity: number;
	lottery: LotteryStats | null;
	onset: number | null;
	escape: number | null;
	shape: TrajectoryEvents['shape'];
	rhoStart: number;
	rhoMax: number;
	rhoFinal: number;
	stopped: string | null;
}

export interface SslSummary {
	toy: 'ssl';
	steps: number;
	onset: number | null;
	escape: number | null;
	symmetryBreaking: number | null;
	lag: number | null;
	shape: TrajectoryEvents['shape'];
	rhoStart: number;
	/** Lowest ρ before the peak (the early dip), and its step. */
	rhoMin: number;
	rhoMinStep: number;
	rhoMax: number;
	rhoMaxStep: number;
	rhoFinal: number;
	/** 1 − ρ_final/ρ_max: how far ρ folded back from its peak. */
	foldBack: number;
	knnStart: number;
	knnFinal: number;
	knnMax: number;
	/** First step at which the kNN accuracy gained half of its rise from start to max. */
	knnHalfRise: number | null;
	/** kNN accuracy at the first snapshot at or after the onset. */
	knnAtOnset: number | null;
	/** ρ's upward crossing of 1 after its early dip (ssl-crossing.ts), and the kNN accuracy there. */
	crossingAfterDip: number | null;
	knnAtCrossingAfterDip: number | null;
	rawKnnAcc: number;
	wtStart: number | null;
	wtFinal: number | null;
	effRankStart: number;
	effRankFinal: number;
	stopped: string | null;
}

export type RunSummary = GrokkingSummary | SaeSummary | SslSummary;

function sslSummary(records: SnapshotRecord[], last: Snapshot, stopped: string | null): SslSummary {
	const e = last.events;
	const first = records[0];
	const final = records[records.length - 1];
	let maxI = 0;
	records.forEach((r, i) => {
		if (r.rho > records[maxI].rho) maxI = i;
	});
	let minI = 0;
	for (let i = 0; i <= maxI; i++) if (records[i].rho < records[minI].rho) minI = i;
	const knn = records.map((r) => r.knnAcc ?? NaN);
	const knnStart = knn[0];
	const knnMax = Math.max(...knn.filter(Number.isFinite));
	const knnHalfRise = knnMax > knnStart ? firstStepAtLeast(records, (r) => r.knnAcc, knnStart + (knnMax - knnStart) / 2) : null;
	const atOnset = e.onset === null ? undefined : records.find((r) => r.step >= e.onset!);
	const cross = crossingAfterDip(records.map((r) => r.step), records.map((r) => r.rho));
	return {
		toy: 'ssl',
		steps: last.step,
		onset: e.onset,
		escape: e.escape,
		symmetryBreaking: e.symmetryBreaking,
		lag: e.lag,
		shape: e.shape,
		rhoStart: first.rho,
		rhoMin: records[minI].rho,
		rhoMinStep: records[minI].step,
		rhoMax: records[maxI].rho,
		rhoMaxStep: records[maxI].step,
		rhoFinal: final.rho,
		foldBack: 1 - final.rho / records[maxI].rho,
		knnStart,
		knnFinal: knn[knn.length - 1],
		knnMax,
		knnHalfRise,
		knnAtOnset: atOnset?.knnAcc ?? null,
		crossingAfterDip: cross.step,
		knnAtCrossingAfterDip: cross.index === null ? null : (records[cross.index].knnAcc ?? null),
		rawKnnAcc: first.rawKnnAcc ?? NaN,
		wtStart: first.wt,
		wtFinal: final.wt,
		effRankStart: first.effectiveRank,
		effRankFinal: final.effectiveRank,
		stopped
	};
}

export function summarise(records: SnapshotRecord[], last: Snapshot, stopped: string | null = null): RunSummary {
	const e = last.events;
	const final = records[records.length - 1];
	if (last.metrics.kind === 'grokking') {
		const train99 = firstStepAtLeast(records, (r) => r.trainAcc, 0.99);
		const test50 = firstStepAtLeast(records, (r) => r.testAcc, 0.5);
		const plateau =
			train99 === null ? [] : records.filter((r) => r.step >= train99 && (test50 === null || r.step < test50)).map((r) => r.rho);
		return {
			toy: 'grokking',
			steps: last.step,
			train99,
			test50,
			test95: firstStepAtLeast(records, (r) => r.testAcc, 0.95),
			onset: e.onset,
			escape: e.escape,
			symmetryBreaking: e.symmetryBreaking,
			lag: e.lag,
			shape: e.shape,
			rhoMax: e.rhoMax,
			rhoAtTest50: test50 === null ? null : records.find((r) => r.step === test50)!.rho,
			rhoPlateau: median(plateau),
			rhoFinal: final.rho,
			finalTrainAcc: last.metrics.trainAcc,
			finalTestAcc: last.metrics.testAcc,
			stopped
		};
	}
	const m = last.metrics;
	if (m.kind === 'ssl') return sslSummary(records, last, stopped);
	return {
		toy: 'sae',
		steps: last.step,
		mse: m.mse,
		l0: m.l0,
		dead: m.dead,
		mmcs: m.mmcs,
		meanPurity: m.meanPurity,
		lottery: m.lottery,
		onset: e.onset,
		escape: e.escape,
		shape: e.shape,
		rhoStart: records[0].rho,
		rhoMax: e.rhoMax,
		rhoFinal: final.rho,
		stopped
	};
}

/** Records as columns (one array per field), numbers rounded to `digits` significant digits: compact JSON. */
export function toColumns(records: SnapshotRecord[], digits = 4): Record<string, (number | null)[]> {
	const keys = new Set<string>();
	for (const r of records) for (const k of Object.keys(r)) keys.add(k);
	const round = (v: unknown): number | null =>
		typeof v !== 'number' || !Number.isFinite(v) ? null : Number.isInteger(v) ? v : Number(v.toPrecision(digits));
	const out: Record<string, (number | null)[]> = {};
	for (const k of keys) out[k] = records.map((r) => round((r as unknown as Record<string, unknown>)[k]));
	return out;
}
