import type { SnapshotResult, TrajectoryEvents } from '../../src/lib/probe/index';
import { cliNumber as f } from '../../src/lib/format/number';

/** Readable report of one snapshot analysed at equilibrium. */
export function formatSnapshot(r: SnapshotResult): string {
	const lines: [string, string][] = [
		['λ1 (top eigenvalues)', `${f(r.lambda1)}  (${r.lambdas.map((x) => f(x)).join(', ')})`],
		['tr Σ', f(r.trace)],
		['β_c = 1/λ1', f(r.betaC)],
		[`β (${r.betaMode})`, f(r.beta)],
		['ρ = β/β_c', f(r.rho)],
		['Hessian min h1 = (1−ρ)/K', f(r.hessianMin)],
		['unstable directions', String(r.unstableDirections)],
		['spread m/√λ1 (along v1)', `${f(r.spread)} (${f(r.projV1)})`],
		['K_eff', `${r.kEff} of K = ${r.K}`],
		['free energy F', `${f(r.freeEnergy)}  (symmetric: tr Σ/2 = ${f(r.trace / 2)})`],
		['EM iterations', `${r.emIterations}${r.converged ? ' (converged)' : ' (NOT converged: raise --max-iter)'}`],
		['anisotropy λ1/mean(λ)', f(r.anisotropy)],
		['effective rank', f(r.effectiveRank)],
		['collapse warning', r.collapseWarning ? 'YES' : 'no']
	];
	const width = Math.max(...lines.map(([k]) => k.length));
	return lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/** One row per snapshot, then the events. */
export function formatTrajectory(rows: { step: number; r: SnapshotResult }[], events: TrajectoryEvents): string {
	const head = ['step', 'λ1', 'β_c', 'β', 'ρ', 'h_min', 'unstable', 'm/√λ1', 'K_eff', 'aniso', 'eff.rank', 'EM', 'flags'];
	const body = rows.map(({ step, r }) => [
		f(step),
		f(r.lambda1),
		f(r.betaC),
		f(r.beta),
		f(r.rho),
		f(r.hessianMin),
		String(r.unstableDirections),
		f(r.spread),
		String(r.kEff),
		f(r.anisotropy),
		f(r.effectiveRank),
		String(r.emIterations),
		r.collapseWarning ? 'collapse' : ''
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ').trimEnd();
	const ev = (x: number | null) => (x === null ? 'none' : f(x));
	return [
		line(head),
		...body.map(line),
		'',
		`onset (first ρ ≥ 1)            ${ev(events.onset)}`,
		`probe escape (m/√λ1 ≥ 0.3)     ${ev(events.escape)}  (depends on the EM budget; not a grokking time)`,
		`symmetry breaking (W/T)        ${ev(events.symmetryBreaking)}`,
		`lag t_sb/t_on                  ${ev(events.lag)}`,
		`first collapse warning         ${ev(events.collapse)}`,
		`ρ max                          ${f(events.rhoMax)}`,
		`shape                          ${events.shape}`
	].join('\n');
}
