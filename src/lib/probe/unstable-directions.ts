/** Number of unstable directions of the symmetric state: (K − 1)·#{i : βλ_i > 1} (docs/theory.md §2). */
export function unstableDirections(lambdas: ArrayLike<number>, beta: number, K: number): number {
	let count = 0;
	for (let i = 0; i < lambdas.length; i++) if (beta * lambdas[i] > 1) count++;
	return (K - 1) * count;
}
