/**
 * λ1 / mean(λ) = d·λ1 / tr Σ: what ρ would be if β were fitted as an isotropic precision to the current spectrum.
 * It is always ≥ 1, which is why it is only an anisotropy index, never a phase coordinate (docs/theory.md §3).
 */
export function anisotropyIndex(lambda1: number, trace: number, d: number): number {
	return trace > 0 ? (d * lambda1) / trace : 0;
}
