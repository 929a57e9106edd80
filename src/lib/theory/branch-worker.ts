/**
 * Computes the pitchfork figure's bifurcation branch off the main thread: converged EM at 36 values of ρ can take
 * seconds (K = 8 near ρ = 1 slows down critically), which froze the page when it ran in a $derived.
 */
import { bifurcationBranch } from './bifurcation-branch';
import type { BranchRequest, BranchResponse } from './branch-protocol';

self.onmessage = (e: MessageEvent<BranchRequest>) => {
	const { id, Z, n, d, K, rhos, lambda1, seed } = e.data;
	const branch = bifurcationBranch({ Z, n, d }, { K, rhos, lambda1, seed });
	const reply: BranchResponse = { id, branch };
	(self as unknown as Worker).postMessage(reply);
};
