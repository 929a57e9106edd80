import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { createServer, type ViteDevServer } from 'vite';

let server: ViteDevServer | undefined;
afterAll(async () => {
	await server?.close();
});

describe('npm run dev from a fresh clone', () => {
	it('serves the wasm binaries and the extracted trajectories without a prior build', async () => {
		// A fresh clone has neither folder: they are made by the Vite pipeline, not by `npm run build` alone.
		rmSync('static/wasm', { recursive: true, force: true });
		rmSync('static/data', { recursive: true, force: true });
		server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
		await server.listen();
		const address = server.httpServer?.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		const base = `http://127.0.0.1:${port}`;
		const wasm = await fetch(`${base}/wasm/tfjs-backend-wasm-simd.wasm`);
		expect(wasm.status).toBe(200);
		expect(new Uint8Array(await wasm.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
		const data = await fetch(`${base}/data/grokking-trajectories.json`);
		expect(data.status).toBe(200);
		const doc = (await data.json()) as { runs: unknown[] };
		expect(doc.runs.length).toBeGreaterThan(0);
	});
});
