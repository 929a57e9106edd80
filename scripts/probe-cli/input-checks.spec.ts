// Inputs the CLI used to accept silently or answer wrongly (issue 11 §3): each is refused with a line that says
// what is wrong in the input, or answered correctly.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gaussianCloud, writeNpy } from '../../src/lib/probe/index';
import { main } from './main';
import { progressBar } from './progress-bar';

const dir = mkdtempSync(join(tmpdir(), 'probe-cli-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array) => {
	const path = join(dir, name);
	writeFileSync(path, bytes);
	return path;
};
async function cli(argv: string[], tty = false) {
	let stdout = '';
	let stderr = '';
	const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: tty });
	return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
const refused = (r: Awaited<ReturnType<typeof cli>>, message: RegExp) => {
	expect(r.stderr).toMatch(message);
	expect(r.stderr).toMatch(/^probe: [^\n]+\n$/);
	expect(r.code).toBe(2);
	expect(r.stdout).toBe('');
};

const variances = [4, 1.5, 0.6, 0.3];
const base = Float64Array.from(gaussianCloud(600, variances, 5, { rotate: true }).Z);
const good = file('good.npy', writeNpy(base, [600, 4]));

describe('probe CLI input checks', () => {
	it('values near 1e300: says the variance overflows (not "betaTilde must be …"), in every β mode', async () => {
		const huge = file('huge.npy', writeNpy(base.map((x) => x * 1e300), [600, 4]));
		refused(await cli([huge]), /variance overflows float64/);
		refused(await cli([huge, '--beta', '1']), /variance overflows float64/);
	});

	it('data scaled by 1e150 gives the same ρ and the same (absent) collapse verdict as the data', async () => {
		const big = file('big.npy', writeNpy(base.map((x) => x * 1e150), [600, 4]));
		const a = (await cli([good, '--json'])).json().snapshots[0];
		const b = (await cli([big, '--json'])).json().snapshots[0];
		expect(b.collapseWarning).toBe(false);
		expect(b.collapseWarning).toBe(a.collapseWarning);
		expect(b.rho).toBeCloseTo(a.rho, 9);
		expect(b.effectiveRank).toBeCloseTo(a.effectiveRank, 9);
		expect(b.lambda1 / 1e300).toBeCloseTo(a.lambda1, 9);
	});

	it('a header-length field 4 bytes short is refused (it would shift the data)', async () => {
		const bytes = writeNpy(base, [600, 4]);
		const v = new DataView(bytes.buffer);
		v.setUint16(8, v.getUint16(8, true) - 4, true);
		refused(await cli([file('short-header.npy', bytes), '--beta', '1']), /inconsistent npy header: its length field says/);
	});

	it('data longer than the shape is refused', async () => {
		const bytes = writeNpy(base, [600, 4]);
		const longer = new Uint8Array(bytes.length + 16);
		longer.set(bytes);
		refused(await cli([file('longer.npy', longer), '--beta', '1']), /npy data is longer than its shape: \(600, 4\) needs 19200 bytes, file has 19216/);
	});

	it('a folder mixing <f4 and <f8 is refused', async () => {
		const mixed = join(dir, 'mixed');
		mkdirSync(mixed);
		writeFileSync(join(mixed, 'step_0.npy'), writeNpy(Float32Array.from(base), [600, 4]));
		writeFileSync(join(mixed, 'step_1.npy'), writeNpy(base, [600, 4]));
		refused(await cli([mixed, '--beta', '1']), /step_1\.npy: dtype <f8 differs from step_0\.npy <f4/);
	});

	it('--k has an upper bound', async () => {
		refused(await cli([good, '--k', '100000']), /--k expects an integer from 1 to 256, got '100000'/);
	});

	it('--mse 1e-320 (β = d/mse = ∞) is refused', async () => {
		refused(await cli([good, '--mse', '1e-320']), /mse = 1e-320 is so small that β = d\/mse is infinite/);
	});

	it('--beta-mode calibrated --beta 0 runs as the help says (β = 0, ρ = 0)', async () => {
		const r = await cli([good, '--beta-mode', 'calibrated', '--beta', '0', '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const s = r.json().snapshots[0];
		expect(s.beta).toBe(0);
		expect(s.rho).toBe(0);
	});

	it('a negative value after a flag is read as its value, and refused for what it is', async () => {
		refused(await cli([good, '--beta', '-1']), /--beta expects a number ≥ 0, got '-1'/);
	});

	it('wide data (N 4 × d 20,000) is answered from the Gram matrix, with the exact λ1', async () => {
		const n = 4;
		const d = 20000;
		const Z = new Float64Array(n * d);
		// Rows ±a·e and ±b·f on two orthogonal unit directions: λ1 = a²/2, λ2 = b²/2.
		for (let j = 0; j < d; j++) {
			const e = (j % 2 ? 1 : -1) / Math.sqrt(d);
			const f = j < d / 2 ? 1 / Math.sqrt(d) : -1 / Math.sqrt(d);
			Z[j] = 3 * e;
			Z[d + j] = -3 * e;
			Z[2 * d + j] = f;
			Z[3 * d + j] = -f;
		}
		const r = await cli([file('wide.npy', writeNpy(Z, [n, d])), '--beta', '0.1', '--k', '2', '--json']);
		expect(r.stderr).toBe('');
		const out = r.json();
		expect(out.notes.join(' ')).toMatch(/Gram matrix/);
		expect(out.snapshots[0].lambda1).toBeCloseTo(9 / 2, 9);
		expect(out.snapshots[0].lambdas[1]).toBeCloseTo(1 / 2, 9);
	});

	it('the progress bar shows the elapsed time and an ETA', async () => {
		let text = '';
		let t = 0;
		const bar = progressBar((s) => (text += s), 10, () => t);
		t = 2000;
		bar.update(1, 4);
		expect(text).toMatch(/\] 1\/4, 2\.0 s elapsed, ETA 6\.0 s/);
		// Then 0.5 s per snapshot (the first one also waited for workers to start): the ETA follows the pace.
		t = 2500;
		bar.update(2, 4);
		expect(text).toMatch(/\] 2\/4, 2\.5 s elapsed, ETA 1\.0 s/);
	});
});

describe('probe CLI progress on a long single snapshot', () => {
	it('a terminal sees the EM step count while EM converges; --json and pipes see nothing', async () => {
		const near = file('near.npy', writeNpy(base, [600, 4]));
		const tty = await cli([near, '--beta', String(1.02 / 4), '--max-iter', '3000'], true);
		expect(tty.code).toBe(0);
		// At least one progress line if EM ran longer than the 250 ms throttle; always cleared at the end.
		if (/EM to convergence: step/.test(tty.stderr)) expect(tty.stderr.endsWith('\r')).toBe(true);
		const piped = await cli([near, '--beta', String(1.02 / 4), '--max-iter', '3000']);
		expect(piped.stderr).toBe('');
	});
});
