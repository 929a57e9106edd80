// The command-line probe, run in-process through main(argv, io) on .npy fixtures written at test time.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { gaussianCloud, writeNpy } from '../../src/lib/probe/index';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'probe-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
	const path = join(dir, name);
	writeFileSync(path, bytes);
	return path;
}

/** A .npy with an arbitrary header, for the malformed cases writeNpy refuses to produce. */
function rawNpy(header: string, body = new Uint8Array(0)): Uint8Array {
	const h = new TextEncoder().encode(header + '\n');
	const out = new Uint8Array(10 + h.length + body.length);
	out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
	new DataView(out.buffer).setUint16(8, h.length, true);
	out.set(h, 10);
	out.set(body, 10 + h.length);
	return out;
}

async function cli(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: false });
	return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

describe('probe CLI on data it has never seen', () => {
	// Known covariance: eigenvalues 5, 2, 1, 1, 0.5, 0.25 in a random rotation, plus an offset.
	const variances = [5, 2, 1, 1, 0.5, 0.25];
	const N = 20000;
	const { Z } = gaussianCloud(N, variances, 2024, { rotate: true, mean: [3, -1, 0, 2, 7, -4] });
	const path = file('blob.npy', writeNpy(Z, [N, 6]));

	it('recovers λ1 and β_c within sampling tolerance (λ1 sd ≈ λ1·√(2/N) ≈ 1%)', async () => {
		const r = await cli(path, '--beta', '0.1', '--json');
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const out = r.json();
		const s = out.snapshots[0];
		expect(out.betaMode).toBe('fixed');
		expect(Math.abs(s.lambda1 / 5 - 1)).toBeLessThan(0.04);
		expect(Math.abs(s.betaC / 0.2 - 1)).toBeLessThan(0.04);
		expect(Math.abs(s.trace / 9.75 - 1)).toBeLessThan(0.03);
		expect(s.rho).toBeCloseTo(0.1 * s.lambda1, 12);
		expect(s.unstableDirections).toBe(0);
		expect(s.kEff).toBe(1);
		expect(s.converged).toBe(true);
		for (const key of ['hessianMin', 'spread', 'anisotropy', 'effectiveRank', 'beta']) expect(typeof s[key]).toBe('number');
	});

	it('above β_c it reports the split, unstable directions and convergence', async () => {
		const small = file('small.npy', writeNpy(Z.slice(0, 3000 * 6), [3000, 6]));
		const s = (await cli(small, '--beta', '0.3', '--k', '4', '--json')).json().snapshots[0];
		expect(s.rho).toBeGreaterThan(1.4);
		expect(s.unstableDirections).toBe(3); // (K−1)·#{βλ_i > 1} = 3·1 (βλ2 ≈ 0.6)
		expect(s.kEff).toBeGreaterThan(1);
		expect(s.spread).toBeGreaterThan(0.3);
		expect(s.emIterations).toBeGreaterThan(5);
	});

	it('default mode is calibrated with ρ = 1 at snapshot 0, and the choice is printed', async () => {
		const r = await cli(path);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/β mode calibrated: β̃ = [\d.]+/);
		expect(r.stdout).toMatch(/ρ = β\/β_c\s+1\n/);
		expect(r.stdout).toMatch(/EM iterations\s+\d+ \(converged\)/);
	});
});

describe('probe CLI on trajectories', () => {
	const T = 12;
	const n = 300;
	const d = 4;
	const traj = new Float32Array(T * n * d);
	for (let t = 0; t < T; t++) traj.set(Float32Array.from(gaussianCloud(n, [0.5 + 0.5 * t, 1, 0.5, 0.5], t).Z), t * n * d);
	const path = file('traj.npy', writeNpy(traj, [T, n, d]));

	it('(T, N, d): one record per snapshot and the events, in training steps', async () => {
		const out = (await cli(path, '--beta', '0.5', '--every', '25', '--json')).json();
		expect(out.snapshots).toHaveLength(T);
		expect(out.snapshots[3].step).toBe(75);
		expect(out.snapshots[0].emIterations).toBe(5);
		// λ1 ≈ 0.5 + 0.5t so ρ = β·λ1 crosses 1 near t = 3 (step 75).
		expect(out.events.onset).toBeGreaterThan(25);
		expect(out.events.onset).toBeLessThan(125);
		// No labels, so no W/T symmetry breaking, while ρ keeps growing: runaway (shape rules, docs/theory.md §4).
		expect(out.events.shape).toBe('runaway');
	});

	it('a folder of (N, d) snapshots in natural name order equals the (T, N, d) file', async () => {
		const folder = join(dir, 'run');
		mkdirSync(folder);
		for (let t = 0; t < T; t++) writeFileSync(join(folder, `step_${t * 25}.npy`), writeNpy(traj.slice(t * n * d, (t + 1) * n * d), [n, d]));
		const a = (await cli(path, '--beta', '0.5', '--json')).json();
		const b = (await cli(folder, '--beta', '0.5', '--json')).json();
		expect(b.snapshots.map((s: { lambda1: number }) => s.lambda1)).toEqual(a.snapshots.map((s: { lambda1: number }) => s.lambda1));
	});

	it('readout as (C, d), as the tfjs/keras (d, C) kernel, and per snapshot (T, C, d)', async () => {
		const C = 3;
		const W = Float32Array.from({ length: C * d }, (_, i) => Math.sin(i + 1));
		const Wt = new Float32Array(C * d);
		for (let c = 0; c < C; c++) for (let j = 0; j < d; j++) Wt[j * C + c] = W[c * d + j];
		const a = (await cli(path, '--readout', file('w.npy', writeNpy(W, [C, d])), '--json')).json();
		const b = (await cli(path, '--readout', file('wt.npy', writeNpy(Wt, [d, C])), '--json')).json();
		expect(a.betaMode).toBe('readout');
		expect(b.readoutLayout).toMatch(/\(d, C\).*transposed/);
		expect(b.snapshots[5].rho).toBeCloseTo(a.snapshots[5].rho, 6);
		const WT = new Float32Array(T * C * d);
		for (let t = 0; t < T; t++) WT.set(W.map((x) => x * (t + 1)), t * C * d);
		const c = (await cli(path, '--readout', file('wT.npy', writeNpy(WT, [T, C, d])), '--json')).json();
		expect(c.snapshots[5].rho).toBeCloseTo(6 * a.snapshots[5].rho, 6);
	});

	it('residual with one mse per snapshot from a .npy; kernel mode', async () => {
		const mse = Float64Array.from({ length: T }, (_, t) => 1 + t);
		const r = (await cli(path, '--mse', file('mse.npy', writeNpy(mse, [T])), '--json')).json();
		expect(r.betaMode).toBe('residual');
		expect(r.snapshots[2].beta).toBeCloseTo(d / 3, 12);
		const k = (await cli(path, '--tau', '0.2', '--json')).json();
		expect(k.betaMode).toBe('kernel');
		expect(k.snapshots[0].beta).toBeCloseTo(5, 12);
	});

	it('progress bar on stderr only for a terminal and without --json', async () => {
		const run = async (tty: boolean, ...extra: string[]) => {
			let stderr = '';
			const code = await main([path, '--beta', '0.5', ...extra], { stdout: () => {}, stderr: (s) => (stderr += s), stderrIsTTY: tty });
			return { code, stderr };
		};
		expect((await run(true)).stderr).toContain(`] ${T}/${T}`);
		expect((await run(true, '--json')).stderr).toBe('');
		expect((await run(false)).stderr).toBe('');
	});

	it('human-readable table with the events', async () => {
		const r = await cli(path, '--beta', '0.5');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/step\s+λ1\s+β_c\s+β\s+ρ/);
		expect(r.stdout).toMatch(/onset \(first ρ ≥ 1\)\s+[\d.]+/);
		expect(r.stdout).toMatch(/shape\s+runaway/);
	});
});

describe('probe CLI bad input: one line on stderr, exit code 2', () => {
	const good = file('good.npy', writeNpy(new Float64Array(12).map((_, i) => i * 0.37), [6, 2]));
	const nan = new Float32Array(2 * 3 * 2).fill(1);
	nan[1 * 6 + 2 * 2 + 1] = NaN; // snapshot 1, row 2, column 1
	const cases: [string, string[], RegExp][] = [
		['missing file', [join(dir, 'nope.npy')], /nope\.npy: no such file/],
		['not an npy file', [file('text.npy', new TextEncoder().encode('a,b,c\n1,2,3\n'))], /not an npy file/],
		['unsupported dtype', [file('int.npy', rawNpy("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }", new Uint8Array(16)))], /unsupported dtype '<i4'/],
		['Fortran order', [file('fortran.npy', rawNpy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", new Uint8Array(32)))], /Fortran-order/],
		['wrong rank', [file('vector.npy', writeNpy(new Float64Array(5), [5]))], /wrong rank: expected \(N, d\) or \(T, N, d\), got shape \(5\)/],
		['N < 2', [file('one.npy', writeNpy(new Float64Array(3), [1, 3]))], /need at least 2 points per snapshot, got N = 1/],
		['d = 0', [file('empty.npy', writeNpy(new Float64Array(0), [4, 0]))], /d = 0/],
		['NaN in a trajectory', [file('nan.npy', writeNpy(nan, [2, 3, 2])), '--beta', '1'], /non-finite value NaN at snapshot 1, row 2, column 1/],
		['Inf in a snapshot', [file('inf.npy', writeNpy(Float64Array.from([1, 2, 3, Infinity]), [2, 2])), '--beta', '1'], /non-finite value Infinity at row 1, column 1/],
		['unknown flag', [good, '--bta', '1'], /unknown option --bta/],
		['bad number', [good, '--beta', 'abc'], /--beta expects a number ≥ 0, got 'abc'/],
		['missing value', [good, '--k'], /--k needs a value/],
		['bad mode', [good, '--beta-mode', 'magic'], /--beta-mode must be one of/],
		['mode without its input', [good, '--beta-mode', 'readout'], /--beta-mode readout needs --readout/],
		['flag for another mode', [good, '--beta', '1', '--tau', '0.1', '--beta-mode', 'fixed'], /--tau does not apply to --beta-mode fixed/],
		['readout with mismatched d', [good, '--readout', file('w5.npy', writeNpy(new Float64Array(15), [3, 5]))], /readout shape \(3, 5\) matches neither \(C, d\) nor \(d, C\) for the snapshots' d = 2/],
		['readout trajectory for one snapshot', [good, '--readout', file('w3.npy', writeNpy(new Float64Array(24), [4, 3, 2]))], /readout trajectory has T = 4 but the hidden states have 1 snapshot/],
		['mse file of the wrong length', [good, '--mse', file('mse2.npy', writeNpy(new Float64Array([1, 2]), [2]))], /expected 1 mse value/],
		['no file', ['--beta', '1'], /no input FILE/],
		['empty folder', [mkdtempSync(join(dir, 'empty-'))], /folder has no \.npy files/]
	];
	for (const [name, argv, message] of cases) {
		it(name, async () => {
			const r = await cli(...argv);
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toMatch(message);
			expect(r.stderr).toMatch(/^probe: [^\n]+\n$/); // exactly one line, no stack trace
		});
	}

	it('--help prints the usage and exits 0', async () => {
		const r = await cli('--help');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^Usage: npm run probe -- FILE/);
		expect(r.stdout).toMatch(/--beta-mode MODE/);
	});
});
