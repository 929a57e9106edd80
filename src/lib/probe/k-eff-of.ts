/**
 * K_eff: number of distinct prototypes after merging (single linkage) those closer than 0.05·√(tr Σ)
 * (docs/theory.md §2 [choice]).
 */
export function kEffOf(prototypes: Float64Array, K: number, d: number, trace: number): number {
	const threshold2 = 0.0025 * Math.max(trace, 0);
	const parent = Array.from({ length: K }, (_, i) => i);
	const root = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]];
		return i;
	};
	for (let a = 0; a < K; a++) {
		for (let b = a + 1; b < K; b++) {
			let s = 0;
			for (let j = 0; j < d; j++) {
				const x = prototypes[a * d + j] - prototypes[b * d + j];
				s += x * x;
			}
			if (s <= threshold2) parent[root(a)] = root(b);
		}
	}
	let count = 0;
	for (let i = 0; i < K; i++) if (root(i) === i) count++;
	return count;
}
