/**
 * Makes the files the site serves but nobody writes by hand — tfjs' wasm binaries (static/wasm) and the trimmed
 * measured trajectories (static/data) — part of the Vite pipeline, so `npm run dev`, `build` and `preview` all work
 * from a fresh clone. Runs once when Vite starts (dev or build) and again in dev when a file in content/data changes.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

function makeAssets(root: string): void {
	const tsx = require.resolve('tsx/cli');
	execFileSync(process.execPath, [resolve(root, 'scripts/copy-wasm.mjs')], { cwd: root, stdio: 'inherit' });
	for (const script of ['scripts/extract-trajectories.ts', 'scripts/extract-lottery.ts']) {
		execFileSync(process.execPath, [tsx, resolve(root, script)], { cwd: root, stdio: 'inherit' });
	}
}

export function siteAssets(): Plugin {
	let root = process.cwd();
	let made = false;
	return {
		name: 'pitchfork-site-assets',
		configResolved(config) {
			root = config.root;
		},
		buildStart() {
			// SvelteKit builds twice (server, client): the files only need making once per process.
			if (made) return;
			made = true;
			makeAssets(root);
		},
		configureServer(server) {
			const dataDir = resolve(root, 'content/data');
			server.watcher.add(dataDir);
			server.watcher.on('change', (file) => {
				if (file.startsWith(dataDir) && file.endsWith('.json')) makeAssets(root);
			});
		}
	};
}
