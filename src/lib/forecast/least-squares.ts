/**
 * Small dense least squares and logistic regression for the forecast fit (a handful of features, tens of runs).
 * Pure numbers: no tfjs, no DOM. Features are standardised inside, so one small ridge penalty suits every predictor.
 */

/** Solve A x = b (n × n, row-major arrays) by Gaussian elimination with partial pivoting; A and b are not modified. */
export function solve(A: number[][], b: number[]): number[] {
	const n = b.length;
	const M = A.map((row, i) => [...row, b[i]]);
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
		if (Math.abs(M[p][c]) < 1e-300) throw new Error('least squares: singular system');
		[M[c], M[p]] = [M[p], M[c]];
		for (let r = c + 1; r < n; r++) {
			const f = M[r][c] / M[c][c];
			for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let s = M[r][n];
		for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
		x[r] = s / M[r][r];
	}
	return x;
}

/** Column means and standard deviations (1 where a column is constant, so it standardises to 0). */
export interface Scaling {
	mean: number[];
	std: number[];
}

function scalingOf(X: number[][]): Scaling {
	const d = X[0]?.length ?? 0;
	const mean = new Array<number>(d).fill(0);
	const std = new Array<number>(d).fill(0);
	for (const row of X) row.forEach((v, j) => (mean[j] += v / X.length));
	for (const row of X) row.forEach((v, j) => (std[j] += (v - mean[j]) ** 2 / X.length));
	return { mean, std: std.map((v) => (v > 1e-24 ? Math.sqrt(v) : 1)) };
}

/** [1, standardised features]. */
function design(x: number[], s: Scaling): number[] {
	return [1, ...x.map((v, j) => (v - s.mean[j]) / s.std[j])];
}

/** A linear model on standardised features: y ≈ w · [1, (x − mean)/std]. */
export interface LinearModel {
	scaling: Scaling;
	weights: number[];
}

export function predictLinear(m: LinearModel, x: number[]): number {
	const z = design(x, m.scaling);
	return z.reduce((s, v, j) => s + v * m.weights[j], 0);
}

/** Ridge least squares (the intercept is not penalised). */
export function fitLinear(X: number[][], y: number[], ridge = 1e-3): LinearModel {
	if (X.length === 0 || X.length !== y.length) throw new Error(`least squares: need matching non-empty X and y, got ${X.length} and ${y.length}`);
	const scaling = scalingOf(X);
	const Z = X.map((x) => design(x, scaling));
	const d = Z[0].length;
	const A = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? ridge * Z.length : 0)));
	const b = new Array<number>(d).fill(0);
	for (let n = 0; n < Z.length; n++) {
		for (let i = 0; i < d; i++) {
			b[i] += Z[n][i] * y[n];
			for (let j = 0; j < d; j++) A[i][j] += Z[n][i] * Z[n][j];
		}
	}
	return { scaling, weights: solve(A, b) };
}

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/** P(y = 1 | x) of a logistic model. */
export function predictLogistic(m: LinearModel, x: number[]): number {
	return sigmoid(predictLinear(m, x));
}

/**
 * L2-penalised logistic regression by Newton's method (IRLS). The penalty keeps the weights finite when the classes
 * are separable (they often are here: weight decay 0 never generalises). Labels are 0/1; a single-class training set
 * gives a constant model.
 */
export function fitLogistic(X: number[][], y: number[], ridge = 0.05, iterations = 50): LinearModel {
	if (X.length === 0 || X.length !== y.length) throw new Error(`logistic: need matching non-empty X and y, got ${X.length} and ${y.length}`);
	const scaling = scalingOf(X);
	const Z = X.map((x) => design(x, scaling));
	const d = Z[0].length;
	let w = new Array<number>(d).fill(0);
	const positives = y.filter((v) => v === 1).length;
	if (positives === 0 || positives === y.length) {
		w[0] = positives === 0 ? -10 : 10;
		return { scaling, weights: w };
	}
	for (let it = 0; it < iterations; it++) {
		const H = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? ridge * Z.length : 0)));
		const g = w.map((wi, i) => (i > 0 ? ridge * Z.length * wi : 0));
		for (let n = 0; n < Z.length; n++) {
			const p = sigmoid(Z[n].reduce((s, v, j) => s + v * w[j], 0));
			const r = Math.max(p * (1 - p), 1e-9);
			for (let i = 0; i < d; i++) {
				g[i] += (p - y[n]) * Z[n][i];
				for (let j = 0; j < d; j++) H[i][j] += r * Z[n][i] * Z[n][j];
			}
		}
		const step = solve(H, g);
		w = w.map((wi, i) => wi - step[i]);
		if (Math.max(...step.map(Math.abs)) < 1e-10) break;
	}
	return { scaling, weights: w };
}
