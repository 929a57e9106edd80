/** A minimal, valid Snapshot for the lab's specs (plain numbers; no worker involved). */
import type { Snapshot, ToyName } from '$lib/train/protocol';

export function fakeSnapshot(step: number, toy: ToyName = 'grokking', rho = 0.5): Snapshot {
	const metrics: Snapshot['metrics'] =
		toy === 'grokking'
			? { kind: 'grokking', trainLoss: 1 / (step + 1), testLoss: 2 / (step + 1), trainAcc: 0.9, testAcc: 0.3, weightNorm: 10 }
			: {
					kind: 'sae',
					loss: 0.5,
					mse: 0.4,
					l0: 3,
					dead: 2,
					mmcs: 0.7,
					meanPurity: 0.6,
					purity: new Float32Array(4),
					maxCos: new Float32Array(4),
					alive: new Uint8Array(4),
					lottery: null
				};
	return {
		toy,
		step,
		elapsedMs: step,
		metrics,
		probe: {
			betaMode: toy === 'grokking' ? 'readout' : 'residual',
			beta: rho * 2,
			betaC: 2,
			rho,
			hessianMin: (1 - rho) / 8,
			unstableDirections: rho > 1 ? 7 : 0,
			lambdas: new Float32Array([0.5, 0.2]),
			trace: 1,
			spread: 0,
			projV1: 0,
			kEff: 1,
			effectiveRank: 3,
			anisotropy: 2,
			collapseWarning: false,
			wt: toy === 'grokking' ? 0.8 : null,
			K: 8,
			prototypes2d: new Float32Array(16),
			points2d: new Float32Array([0, 0, 1, 1]),
			pointLabels: new Int16Array([0, 1]),
			pointTrain: toy === 'grokking' ? new Uint8Array([1, 0]) : null
		},
		events: { onset: null, escape: null, symmetryBreaking: null, lag: null, collapse: null, shape: 'no-arc', rhoMax: rho },
		hyper: { lr: 3e-3, weightDecay: 1, noise: 0 },
		hyperChanges: []
	};
}
