// `npm run probe` runs the CLI from a JavaScript bundle (no TypeScript transpiling at start-up, plain-JS worker
// threads): it must print what the sources print, rebuild when a source changes, and report errors the same way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gaussianCloud, writeNpy } from '../../src/lib/probe/index';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'probe-cli-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const probe = (...argv: string[]) => spawnSync(process.execPath, ['scripts/probe.mjs', ...argv], { encoding: 'utf8' });

async function inProcess(...argv: string[]) {
	let stdout = '';
	const code = await main(argv, { stdout: (s) => (stdout += s), stderr: () => {}, stderrIsTTY: false });
	return { code, stdout };
}

describe('npm run probe (the bundle)', () => {
	const [T, n, d] = [6, 500, 10];
	const traj = new Float32Array(T * n * d);
	for (let t = 0; t < T; t++) traj.set(Float32Array.from(gaussianCloud(n, Array.from({ length: d }, (_, i) => (i === 0 ? 1 + t : 0.5)), t, { rotate: true }).Z), t * n * d);
	const path = join(dir, 'traj.npy');
	writeFileSync(path, writeNpy(traj, [T, n, d]));

	it('prints what the TypeScript sources print, with 1 and 2 workers', async () => {
		const reference = await inProcess(path, '--beta', '0.7', '--json', '--workers', '1');
		for (const w of ['1', '2']) {
			const r = probe(path, '--beta', '0.7', '--json', '--workers', w);
			expect(r.stderr).toBe('');
			expect(r.status).toBe(0);
			expect(r.stdout).toBe(reference.stdout);
		}
	});

	it('rebuilds when a source it was built from changes', () => {
		probe('--help');
		const manifest = join('build-probe-cli', 'manifest.json');
		const before = readFileSync(manifest, 'utf8');
		const source = 'scripts/probe-cli/help.ts';
		expect(Object.keys(JSON.parse(before).files).some((f) => f.endsWith(source))).toBe(true);
		const now = new Date();
		utimesSync(source, now, now);
		expect(probe('--help').status).toBe(0);
		expect(readFileSync(manifest, 'utf8')).not.toBe(before);
	});

	it('falls back to the TypeScript sources, with a note, when the bundle cannot be built', () => {
		// No folder can be made under a file, even by root: the build fails as a read-only checkout makes it fail.
		const env = { ...process.env, PITCHFORK_PROBE_BUNDLE_DIR: '/dev/null/build-probe-cli' };
		const r = spawnSync(process.execPath, ['scripts/probe.mjs', path, '--beta', '0.7', '--json', '--workers', '1'], { encoding: 'utf8', env });
		expect(r.stderr).toMatch(/^probe: note: could not build the CLI bundle .*running the TypeScript sources instead/);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(/EEXIST|ENOTDIR/);
		expect(JSON.parse(r.stdout).snapshots).toHaveLength(T);
	});

	it('bad input: one line on stderr, exit code 2', () => {
		const r = probe(join(dir, 'nope.npy'));
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/^probe: .*nope\.npy: no such file\n$/);
	});
});
