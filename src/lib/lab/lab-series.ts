/**
 * Time series for the lab's charts, one array per quantity over the buffered snapshots (NaN where a snapshot does not
 * carry the quantity, e.g. accuracy on the SAE or W/T before it exists). Pure: snapshots in, numbers out.
 */
import type { Snapshot } from '$lib/train/protocol';

export interface LabSeries {
	steps: number[];
	rho: number[];
	beta: number[];
	betaC: number[];
	hessianMin: number[];
	/** Smallest Hessian eigenvalue at the probe's current prototypes (NaN where not computed). */
	hessianAtState: number[];
	wt: number[];
	kEff: number[];
	trainAcc: number[];
	testAcc: number[];
	trainLoss: number[];
	testLoss: number[];
	mse: number[];
	l0: number[];
	dead: number[];
	mmcs: number[];
	meanPurity: number[];
	/** SSL: kNN accuracy of the embeddings and of the raw inputs (the baseline line), effective rank. */
	knnAcc: number[];
	rawKnnAcc: number[];
	effRank: number[];
	/** Grokking: what the network learned (docs/theory.md §6) — share of test cells right in the prediction table,
	 * frequencies holding 90% of the neurons' Fourier power, share of neurons keeping their early winning frequency. */
	testCorrect: number[];
	keyFrequencies: number[];
	frequencyKeep: number[];
}

export function labSeries(snaps: readonly Snapshot[]): LabSeries {
	const n = snaps.length;
	const col = () => new Array<number>(n).fill(Number.NaN);
	const s: LabSeries = {
		steps: snaps.map((x) => x.step),
		rho: snaps.map((x) => x.probe.rho),
		beta: snaps.map((x) => x.probe.beta),
		betaC: snaps.map((x) => x.probe.betaC),
		hessianMin: snaps.map((x) => x.probe.hessianMin),
		hessianAtState: snaps.map((x) => x.probe.hessianAtState ?? Number.NaN),
		wt: snaps.map((x) => x.probe.wt ?? Number.NaN),
		kEff: snaps.map((x) => x.probe.kEff),
		trainAcc: col(),
		testAcc: col(),
		trainLoss: col(),
		testLoss: col(),
		mse: col(),
		l0: col(),
		dead: col(),
		mmcs: col(),
		meanPurity: col(),
		knnAcc: col(),
		rawKnnAcc: col(),
		effRank: snaps.map((x) => x.probe.effectiveRank),
		testCorrect: col(),
		keyFrequencies: col(),
		frequencyKeep: col()
	};
	snaps.forEach((x, i) => {
		const m = x.metrics;
		if (m.kind === 'grokking') {
			s.trainAcc[i] = m.trainAcc;
			s.testAcc[i] = m.testAcc;
			s.trainLoss[i] = m.trainLoss;
			s.testLoss[i] = m.testLoss;
			if (m.readouts) {
				s.testCorrect[i] = m.readouts.testCorrect;
				s.keyFrequencies[i] = m.readouts.keyFrequencies;
				s.frequencyKeep[i] = m.readouts.lottery?.keep ?? Number.NaN;
			}
		} else if (m.kind === 'ssl') {
			s.trainLoss[i] = m.loss;
			s.knnAcc[i] = m.knnAcc;
			s.rawKnnAcc[i] = m.rawKnnAcc;
		} else {
			s.trainLoss[i] = m.loss;
			s.mse[i] = m.mse;
			s.l0[i] = m.l0;
			s.dead[i] = m.dead;
			s.mmcs[i] = m.mmcs;
			s.meanPurity[i] = m.meanPurity;
		}
	});
	return s;
}
