import { mixtureScorer, prototypeScores } from './prototype-scores';
import { softmaxRow } from './softmax-row';
import type { Mixture, Points } from './types';

/**
 * Exact Hessian–vector product of F w.r.t. all prototypes, at ANY prototype state (for a Lanczos check away from
 * the symmetric state, where the closed form no longer holds). With r_nk = μ_k − z_n, a_nk = r_nk·V_k and
 * ā_n = Σ_l p_nl a_nl:   (HV)_k = (1/N) Σ_n p_nk [ V_k − β r_nk (a_nk − ā_n) ].
 * At the symmetric state this is (1/K)[V_k − βΣ(V_k − V̄)], the closed form of docs/theory.md §2.
 * V and the result are K×d row-major.
 */
export function hessianVectorProduct(points: Points, mixture: Mixture, V: Float64Array, out?: Float64Array): Float64Array {
	const { Z, n, d } = points;
	const { prototypes, K, beta } = mixture;
	const HV = out && out.length >= K * d ? out : new Float64Array(K * d);
	HV.fill(0, 0, K * d);
	const scorer = mixtureScorer(mixture, d);
	const muV = new Float64Array(K);
	for (let k = 0; k < K; k++) {
		let s = 0;
		for (let j = 0; j < d; j++) s += prototypes[k * d + j] * V[k * d + j];
		muV[k] = s;
	}
	const s = new Float64Array(K);
	const a = new Float64Array(K);
	const weight = new Float64Array(K); // Σ_n p_nk
	const cSum = new Float64Array(K); // Σ_n c_nk, c_nk = β p_nk (a_nk − ā_n)
	const cz = new Float64Array(K * d); // Σ_n c_nk z_n
	for (let r = 0; r < n; r++) {
		const o = r * d;
		prototypeScores(Z, o, d, scorer, s);
		softmaxRow(s, 0, K);
		let aBar = 0;
		for (let k = 0; k < K; k++) {
			let zv = 0;
			for (let j = 0; j < d; j++) zv += Z[o + j] * V[k * d + j];
			a[k] = muV[k] - zv;
			aBar += s[k] * a[k];
		}
		for (let k = 0; k < K; k++) {
			const c = beta * s[k] * (a[k] - aBar);
			weight[k] += s[k];
			cSum[k] += c;
			for (let j = 0; j < d; j++) cz[k * d + j] += c * Z[o + j];
		}
	}
	for (let k = 0; k < K; k++) {
		for (let j = 0; j < d; j++) {
			const i = k * d + j;
			HV[i] = (weight[k] * V[i] - (cSum[k] * prototypes[i] - cz[i])) / n;
		}
	}
	return HV;
}
