// The probe CLI as plain JavaScript, so `npm run probe` starts without transpiling TypeScript (tsx costs ~0.25 s and
// ~40 MB per thread, and a worker thread would need its own copy). Built by Vite (already a dependency) into
// build-probe-cli/ (git-ignored) on first use and again whenever a source file it was built from changes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the bundle goes; PITCHFORK_PROBE_BUNDLE_DIR moves it (e.g. off a read-only checkout). */
export const BUNDLE_DIR = process.env.PITCHFORK_PROBE_BUNDLE_DIR || join(root, 'build-probe-cli');
const MANIFEST = 'manifest.json';

const stamp = (file) => {
	try {
		const s = statSync(file);
		return `${s.size}:${s.mtimeMs}`;
	} catch {
		return 'missing';
	}
};

/** True when the bundle exists and every file it was built from is unchanged (size and mtime). */
function fresh() {
	try {
		const m = JSON.parse(readFileSync(join(BUNDLE_DIR, MANIFEST), 'utf8'));
		return m.node === process.version && Object.entries(m.files).every(([file, s]) => stamp(file) === s);
	} catch {
		return false;
	}
}

async function build() {
	const { build: viteBuild } = await import('vite');
	const tmp = `${BUNDLE_DIR}.tmp-${process.pid}`;
	const out = await viteBuild({
		configFile: false,
		logLevel: 'warn',
		root,
		build: {
			ssr: true,
			outDir: tmp,
			emptyOutDir: true,
			target: 'node20',
			minify: false,
			copyPublicDir: false,
			rollupOptions: {
				input: { 'probe-cli': join(root, 'scripts/probe-cli/main.ts'), 'probe-worker': join(root, 'scripts/probe-cli/probe-worker.ts') },
				output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name].mjs' }
			}
		}
	});
	const files = {};
	for (const o of Array.isArray(out) ? out : [out]) {
		for (const chunk of o.output) for (const id of chunk.moduleIds ?? []) if (!id.startsWith('\0')) files[id] = stamp(id);
	}
	files[fileURLToPath(import.meta.url)] = stamp(fileURLToPath(import.meta.url));
	writeFileSync(join(tmp, MANIFEST), JSON.stringify({ node: process.version, files }, null, 1));
	// Another `npm run probe` may be building at the same moment: each builds aside, the last rename wins.
	rmSync(BUNDLE_DIR, { recursive: true, force: true });
	try {
		renameSync(tmp, BUNDLE_DIR);
		return BUNDLE_DIR;
	} catch {
		return tmp;
	}
}

/**
 * The folder holding probe-cli.mjs and probe-worker.mjs, built first if missing or stale — in a child process,
 * so Vite's ~100 MB are not part of the probe's own memory.
 */
export function probeCliBundle() {
	if (fresh()) return BUNDLE_DIR;
	const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`building the probe CLI failed: ${r.stderr || r.error?.message}`);
	return r.stdout.trim().split('\n').pop();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	mkdirSync(dirname(BUNDLE_DIR), { recursive: true });
	process.stdout.write((await build()) + '\n');
}
