// `--workers N`: snapshots prepared ahead in worker threads give the serial run's output, byte for byte, in every
// β mode and input layout, and bad input is reported as the serial run reports it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gaussianCloud, probeTrajectory, writeNpy } from '../../src/lib/probe/index';
import { main } from './main';
import { snapshotJson } from './snapshot-json';

const dir = mkdtempSync(join(tmpdir(), 'probe-cli-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: false });
	return { code, stdout, stderr };
}

/** T snapshots whose top direction rotates and grows, so warm starts and eigenvector signs matter. */
function trajectory(T: number, n: number, d: number): Float32Array {
	const out = new Float32Array(T * n * d);
	const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i));
	for (let t = 0; t < T; t++) {
		const v = variances.map((x, i) => (i === 0 ? x * (0.5 + 0.4 * t) : x));
		out.set(Float32Array.from(gaussianCloud(n, v, 900 + t, { rotate: true, mean: Array(d).fill(0.1 * t) }).Z), t * n * d);
	}
	return out;
}

describe('probe CLI --workers', () => {
	const [T, n, d] = [9, 400, 12];
	const traj = trajectory(T, n, d);
	const path = join(dir, 'traj.npy');
	writeFileSync(path, writeNpy(traj, [T, n, d]));

	for (const [name, extra] of [
		['fixed β, 5 EM steps', ['--beta', '0.6']],
		['calibrated, converged EM', ['--converge', '--max-iter', '300']],
		['kernel mode', ['--tau', '0.4']]
	] as [string, string[]][]) {
		it(`${name}: 1, 2 and 3 workers print identical JSON`, async () => {
			const serial = await cli(path, ...extra, '--json', '--workers', '1');
			expect(serial.code).toBe(0);
			expect(JSON.parse(serial.stdout).snapshots).toHaveLength(T);
			for (const w of ['2', '3']) {
				const parallel = await cli(path, ...extra, '--json', '--workers', w);
				expect(parallel.stderr).toBe('');
				expect(parallel.stdout).toBe(serial.stdout);
			}
		});
	}

	it('equals the library run on the snapshots as given (no preparing ahead), also when d < 8 eigenpairs', async () => {
		for (const [dd, data] of [
			[d, traj],
			[3, trajectory(T, n, 3)]
		] as [number, Float32Array][]) {
			const p = join(dir, `plain-${dd}.npy`);
			writeFileSync(p, writeNpy(data, [T, n, dd]));
			const plain = probeTrajectory(
				{ count: T, n, d: dd, snapshot: (t) => data.subarray(t * n * dd, (t + 1) * n * dd), beta: () => ({ mode: 'fixed', beta: 0.6 }) },
				{ K: 8, emSteps: 5, seed: 1 }
			);
			const expected = JSON.parse(JSON.stringify(plain.results.map((r, t) => snapshotJson(r, t, t))));
			for (const w of ['1', '2']) {
				const out = JSON.parse((await cli(p, '--beta', '0.6', '--json', '--workers', w)).stdout);
				expect(out.snapshots).toEqual(expected);
			}
		}
	});

	it('a folder of float64 snapshots: identical too', async () => {
		const folder = join(dir, 'run');
		mkdirSync(folder);
		for (let t = 0; t < T; t++) writeFileSync(join(folder, `step_${t}.npy`), writeNpy(Float64Array.from(traj.subarray(t * n * d, (t + 1) * n * d)), [n, d]));
		const serial = await cli(folder, '--beta', '0.6', '--json', '--workers', '1');
		const parallel = await cli(folder, '--beta', '0.6', '--json', '--workers', '3');
		expect(serial.code).toBe(0);
		expect(parallel.stdout).toBe(serial.stdout);
	});

	it('wide data (d > 512, Lanczos warm-started in order): identical', async () => {
		const [Tw, nw, dw] = [3, 1100, 520];
		const wide = join(dir, 'wide.npy');
		writeFileSync(wide, writeNpy(trajectory(Tw, nw, dw), [Tw, nw, dw]));
		const serial = await cli(wide, '--beta', '1', '--json', '--workers', '1');
		const parallel = await cli(wide, '--beta', '1', '--json', '--workers', '2');
		expect(serial.code).toBe(0);
		expect(serial.stdout).toMatch(/Lanczos/);
		expect(parallel.stdout).toBe(serial.stdout);
	});

	it('non-finite values in snapshots 4 and 6: the first in order is reported, whatever finished first', async () => {
		const bad = traj.slice();
		bad[4 * n * d + 2 * d + 5] = NaN;
		bad[6 * n * d] = Infinity;
		const badPath = join(dir, 'bad.npy');
		writeFileSync(badPath, writeNpy(bad, [T, n, d]));
		const message = 'non-finite value NaN at snapshot 4, row 2, column 5';
		for (const w of ['1', '2', '4']) {
			const r = await cli(badPath, '--beta', '1', '--workers', w);
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toBe(`probe: ${badPath}: ${message}\n`);
		}
	});

	it('a variance that overflows float64 (found while taking the spectrum ahead): the serial message', async () => {
		const huge = Float64Array.from(traj, (x, i) => (i >= 2 * n * d ? x * 1e300 : x));
		const hugePath = join(dir, 'huge.npy');
		writeFileSync(hugePath, writeNpy(huge, [T, n, d]));
		const serial = await cli(hugePath, '--beta', '1', '--workers', '1');
		expect(serial.code).toBe(2);
		expect(serial.stderr).toMatch(/^probe: the data’s variance overflows float64/);
		expect(await cli(hugePath, '--beta', '1', '--workers', '3')).toEqual(serial);
	});

	it('--workers is checked', async () => {
		for (const bad of ['0', '1.5', 'x', '65']) {
			const r = await cli(path, '--workers', bad);
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(/^probe: --workers expects an integer from 1 to 64, got '[^']+'\n$/);
		}
	});
});
