import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { findChromium } from '../../scripts/find-chromium.mjs';

/** Serves the prerendered build for the browser tests; fails loudly when the build or a browser is missing. */
export default async function setup(project: TestProject) {
	const dir = process.env.PITCHFORK_BUILD || 'build';
	if (!existsSync(`${dir}/index.html`)) {
		throw new Error(`No ${dir}/ found: run \`npm run build\` first (\`npm test\` does it for you).`);
	}
	const chromium = findChromium();
	if (!chromium) {
		throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH.');
	}
	const { server, url } = await serveStatic(dir, 0);
	project.provide('baseUrl', url);
	project.provide('chromiumPath', chromium);
	return () => new Promise<void>((r) => server.close(() => r()));
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		chromiumPath: string;
	}
}
