// Vite does not emit tfjs' wasm binaries: copy them into static/wasm so the site serves them itself.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const distDir = join(pkgDir, 'dist');
const outDir = join(process.cwd(), 'static', 'wasm');
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(distDir).filter((f) => f.endsWith('.wasm'))) {
	copyFileSync(join(distDir, f), join(outDir, f));
}
