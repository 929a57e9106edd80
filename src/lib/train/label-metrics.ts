/** Label-based quantities for plots and summaries: accuracy, cross-entropy and within/total variance (docs/theory.md §4). */

/**
 * Within-class over total variance W/T of rows X (n×d) grouped by label (labels < 0 are skipped).
 * Numerically safer than NC1; it falls as classes separate.
 */
export function withinTotalRatio(X: ArrayLike<number>, n: number, d: number, labels: ArrayLike<number>): number {
	const classMeans = new Map<number, { sum: Float64Array; count: number }>();
	const mean = new Float64Array(d);
	let used = 0;
	for (let i = 0; i < n; i++) {
		const l = labels[i];
		if (l < 0) continue;
		let c = classMeans.get(l);
		if (!c) classMeans.set(l, (c = { sum: new Float64Array(d), count: 0 }));
		c.count++;
		used++;
		for (let j = 0; j < d; j++) {
			c.sum[j] += X[i * d + j];
			mean[j] += X[i * d + j];
		}
	}
	if (used === 0) return NaN;
	for (let j = 0; j < d; j++) mean[j] /= used;
	for (const c of classMeans.values()) for (let j = 0; j < d; j++) c.sum[j] /= c.count;
	let within = 0;
	let total = 0;
	for (let i = 0; i < n; i++) {
		const l = labels[i];
		if (l < 0) continue;
		const cm = classMeans.get(l)!.sum;
		for (let j = 0; j < d; j++) {
			const x = X[i * d + j];
			within += (x - cm[j]) ** 2;
			total += (x - mean[j]) ** 2;
		}
	}
	return total > 0 ? within / total : NaN;
}

/**
 * Logits with each row's mean removed. Softmax ignores a constant added to all logits of one input, so this is the
 * part of the logits that can carry class information; late in grokking runs at small weight decay a large
 * common-mode component appears (λ1 of the hidden covariance jumps ~40×) that would otherwise swamp W/T.
 */
export function rowCentred(logits: ArrayLike<number>, n: number, C: number): Float32Array {
	const out = new Float32Array(n * C);
	for (let i = 0; i < n; i++) {
		let mean = 0;
		for (let c = 0; c < C; c++) mean += logits[i * C + c];
		mean /= C;
		for (let c = 0; c < C; c++) out[i * C + c] = logits[i * C + c] - mean;
	}
	return out;
}

/** Mean cross-entropy and accuracy of logits (rows of length C) over the listed rows. */
export function classificationMetrics(
	logits: ArrayLike<number>,
	C: number,
	labels: ArrayLike<number>,
	rows: ArrayLike<number>
): { loss: number; acc: number } {
	let loss = 0;
	let correct = 0;
	for (let r = 0; r < rows.length; r++) {
		const i = rows[r];
		const o = i * C;
		let max = -Infinity;
		let arg = 0;
		for (let c = 0; c < C; c++) {
			if (logits[o + c] > max) {
				max = logits[o + c];
				arg = c;
			}
		}
		let s = 0;
		for (let c = 0; c < C; c++) s += Math.exp(logits[o + c] - max);
		loss += Math.log(s) + max - logits[o + labels[i]];
		if (arg === labels[i]) correct++;
	}
	const n = rows.length;
	return { loss: n ? loss / n : NaN, acc: n ? correct / n : NaN };
}
