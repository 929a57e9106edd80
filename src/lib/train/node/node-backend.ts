/**
 * Backend setup for Node (CLI, bench, unit tests): wasm from the installed package, or cpu if wasm fails — saying so.
 * (Not tfjs-node: its install step downloads a native binary, which fails on machines without outside network.)
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendName } from '../config';

let chosen: Promise<{ backend: BackendName; note: string }> | null = null;

async function setUp(prefer: BackendName): Promise<{ backend: BackendName; note: string }> {
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	if (prefer === 'wasm') {
		try {
			if (await tf.setBackend('wasm')) {
				await tf.ready();
				return { backend: 'wasm', note: 'wasm (Node)' };
			}
		} catch (e) {
			const why = e instanceof Error ? e.message : String(e);
			await tf.setBackend('cpu');
			return { backend: 'cpu', note: `wasm failed in Node (${why}); using cpu, about 5–30× slower` };
		}
	}
	await tf.setBackend('cpu');
	await tf.ready();
	return { backend: 'cpu', note: prefer === 'cpu' ? 'cpu (requested)' : 'wasm unavailable; using cpu' };
}

/** Set the Node backend once (wasm by default). */
export function useNodeBackend(prefer: BackendName = 'wasm'): Promise<{ backend: BackendName; note: string }> {
	chosen ??= setUp(prefer);
	return chosen;
}
