/** exp(H(p)), p = λ/Σλ over the given spectrum (negative round-off eigenvalues count as 0). 0 for a zero spectrum. */
export function effectiveRank(lambdas: ArrayLike<number>): number {
	let total = 0;
	for (let i = 0; i < lambdas.length; i++) if (lambdas[i] > 0) total += lambdas[i];
	if (!(total > 0)) return 0;
	let h = 0;
	for (let i = 0; i < lambdas.length; i++) {
		const p = lambdas[i] / total;
		if (p > 0) h -= p * Math.log(p);
	}
	return Math.exp(h);
}
