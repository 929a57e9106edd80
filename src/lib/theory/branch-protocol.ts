import type { BranchPoint } from './bifurcation-branch';

/** One branch computation for the branch worker; `id` lets the page drop answers to superseded requests. */
export interface BranchRequest {
	id: number;
	Z: Float64Array;
	n: number;
	d: number;
	K: number;
	rhos: number[];
	lambda1: number;
	seed: number;
}

export interface BranchResponse {
	id: number;
	branch: BranchPoint[];
}
