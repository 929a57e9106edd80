/**
 * k-nearest-neighbour accuracy with cosine similarity (the usual SSL evaluation): each query row takes the majority
 * label of its k most similar bank rows; ties go to the class with the larger summed similarity. Pure, no tfjs.
 */

function unitRows(X: ArrayLike<number>, n: number, d: number): Float32Array {
	const out = new Float32Array(n * d);
	for (let i = 0; i < n; i++) {
		let s = 0;
		for (let j = 0; j < d; j++) s += X[i * d + j] ** 2;
		const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
		for (let j = 0; j < d; j++) out[i * d + j] = X[i * d + j] * inv;
	}
	return out;
}

export function knnAccuracy(
	bank: ArrayLike<number>,
	bankLabels: ArrayLike<number>,
	query: ArrayLike<number>,
	queryLabels: ArrayLike<number>,
	d: number,
	k: number
): number {
	const nb = bankLabels.length;
	const nq = queryLabels.length;
	if (bank.length !== nb * d || query.length !== nq * d) throw new Error(`knn: sizes do not match d = ${d}`);
	if (!Number.isInteger(k) || k < 1 || k > nb) throw new Error(`knn: k must be an integer in [1, ${nb}], got ${k}`);
	if (nq === 0) return NaN;
	const B = unitRows(bank, nb, d);
	const Q = unitRows(query, nq, d);
	const topSim = new Float64Array(k);
	const topIdx = new Int32Array(k);
	const votes = new Map<number, { count: number; sim: number }>();
	let correct = 0;
	for (let q = 0; q < nq; q++) {
		topSim.fill(-Infinity);
		topIdx.fill(-1);
		const qo = q * d;
		for (let b = 0; b < nb; b++) {
			const bo = b * d;
			let s = 0;
			for (let j = 0; j < d; j++) s += Q[qo + j] * B[bo + j];
			if (s <= topSim[k - 1]) continue;
			// Insertion into the sorted top-k list.
			let pos = k - 1;
			while (pos > 0 && topSim[pos - 1] < s) {
				topSim[pos] = topSim[pos - 1];
				topIdx[pos] = topIdx[pos - 1];
				pos--;
			}
			topSim[pos] = s;
			topIdx[pos] = b;
		}
		votes.clear();
		for (let r = 0; r < k; r++) {
			const l = bankLabels[topIdx[r]];
			const v = votes.get(l) ?? { count: 0, sim: 0 };
			v.count++;
			v.sim += topSim[r];
			votes.set(l, v);
		}
		let best = -1;
		let bestV = { count: -1, sim: -Infinity };
		for (const [l, v] of votes) {
			if (v.count > bestV.count || (v.count === bestV.count && v.sim > bestV.sim)) {
				best = l;
				bestV = v;
			}
		}
		if (best === queryLabels[q]) correct++;
	}
	return correct / nq;
}
