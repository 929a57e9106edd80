/** Covariance spectrum of a point cloud, through the probe's own covariance and eigensolver (no second copy). */
import { covariance, topEigenpairs, type Matrix } from '$lib/probe';
import { kurtosisAlong } from './kurtosis-along';

export interface CloudStats {
	n: number;
	d: number;
	mean: Float64Array;
	/** All eigenvalues, descending. */
	lambdas: number[];
	/** Eigenvectors, row i pairs with lambdas[i]. */
	vectors: Float64Array[];
	trace: number;
	lambda1: number;
	betaC: number;
	/** Kurtosis along v1. */
	kappa: number;
}

export function cloudStats(Z: Matrix, n: number, d: number): CloudStats {
	const { mean, cov, trace } = covariance(Z, n, d);
	const eig = topEigenpairs(cov, d, d);
	const lambdas = Array.from(eig.values.subarray(0, d));
	const vectors = lambdas.map((_, i) => eig.vectors.slice(i * d, (i + 1) * d));
	return {
		n,
		d,
		mean,
		lambdas,
		vectors,
		trace,
		lambda1: lambdas[0],
		betaC: 1 / lambdas[0],
		kappa: kurtosisAlong(Z, n, d, mean, vectors[0])
	};
}
