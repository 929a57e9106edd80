// Minimal static server for the prerendered site (used by the browser tests; `npm start` uses vite preview).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8'
};

async function isFile(p) {
	try {
		return (await stat(p)).isFile();
	} catch {
		return false;
	}
}

/**
 * Cross-origin isolation: with these two headers a page (and its workers) gets SharedArrayBuffer, which tfjs-wasm
 * needs for its threaded binary. Everything the site loads is its own, so require-corp blocks nothing.
 */
export const ISOLATION_HEADERS = {
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-embedder-policy': 'require-corp'
};

/**
 * Serve `root` on 127.0.0.1:`port` (0 = any free port); resolves to { server, url }. `isolate` adds
 * ISOLATION_HEADERS to every response.
 */
export function serveStatic(root, port = 0, { isolate = false } = {}) {
	const extra = isolate ? ISOLATION_HEADERS : {};
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
		const base = join(root, rel);
		const tries = [base, base + '.html', join(base, 'index.html')];
		for (const p of tries) {
			if (await isFile(p)) {
				res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream', ...extra });
				res.end(await readFile(p));
				return;
			}
		}
		res.writeHead(404, { 'content-type': 'text/plain', ...extra });
		res.end('not found');
	});
	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () => {
			const addr = server.address();
			resolve({ server, url: `http://127.0.0.1:${addr.port}` });
		});
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const root = process.argv[2] ?? 'build';
	const port = Number(process.argv[3] ?? 4173);
	serveStatic(root, port).then(({ url }) => console.log(`Pitchfork is served at ${url}/`));
}
