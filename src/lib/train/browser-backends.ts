/**
 * Backend setup inside the browser worker: WebGPU → WebGL → WASM (binaries served by the site under `wasmPath`)
 * → CPU, chosen by the measured ladder; WebGPU device loss is reported so the run can fall back.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { activateBackend, chooseBackend } from './backend-ladder';
import type { BackendName } from './config';
import type { BackendProvider } from './run-controller';

let wasmPathSet = false;

export const browserBackends: BackendProvider = {
	async choose(config, init) {
		if (!wasmPathSet) {
			if (!init.wasmPath) throw new Error('init: wasmPath (the URL of the folder holding the .wasm files) is required');
			// Threaded wasm fails after bundling (browser.md gotcha 6).
			tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
			setWasmPaths(init.wasmPath.endsWith('/') ? init.wasmPath : `${init.wasmPath}/`);
			wasmPathSet = true;
		}
		return chooseBackend(config, { prefer: init.preferBackend });
	},
	activate(name: BackendName) {
		return activateBackend(name);
	},
	watch(name, onLost) {
		if (name !== 'webgpu') return;
		const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string; reason?: string }> } }).device;
		device?.lost?.then((info) => onLost(info?.message || info?.reason || 'unknown reason'));
	}
};
