/**
 * Backend setup inside the browser worker: WebGPU → WebGL → WASM (binaries served by the site under `wasmPath`)
 * → CPU, chosen by the measured ladder; WebGPU device loss is reported so the run can fall back. Software GPUs
 * (SwiftShader & co.) are skipped before measuring unless preferred: their first WebGPU step took ~20 s here.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { activateBackend, chooseBackend } from './backend-ladder';
import type { BackendName } from '../config';
import type { BackendProvider } from './run-controller';

let wasmPathSet = false;

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** A reason to skip a software GPU, or null. Real GPUs are always measured. */
async function softwareGpu(name: BackendName): Promise<string | null> {
	try {
		if (name === 'webgpu') {
			const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
			if (!gpu) return 'WebGPU is not available';
			const adapter = (await gpu.requestAdapter()) as {
				isFallbackAdapter?: boolean;
				info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
			} | null;
			if (!adapter) return 'no WebGPU adapter';
			const info = adapter.info ?? {};
			const text = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.description ?? ''}`;
			if (adapter.isFallbackAdapter || info.isFallbackAdapter || SOFTWARE.test(text)) {
				return `software WebGPU adapter (${text.trim() || 'fallback'}), far slower than wasm`;
			}
		}
		if (name === 'webgl' && typeof OffscreenCanvas !== 'undefined') {
			const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
			if (!gl) return 'WebGL2 is not available';
			const ext = gl.getExtension('WEBGL_debug_renderer_info');
			const renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
			gl.getExtension('WEBGL_lose_context')?.loseContext();
			if (SOFTWARE.test(renderer)) return `software WebGL renderer (${renderer}), far slower than wasm`;
		}
	} catch {
		// If the check itself fails, measure the backend instead.
	}
	return null;
}

export const browserBackends: BackendProvider = {
	async choose(config, init) {
		if (!wasmPathSet) {
			if (!init.wasmPath) throw new Error('init: wasmPath (the URL of the folder holding the .wasm files) is required');
			// Single-threaded wasm. The threaded binary needs a cross-origin isolated page, a bundle that keeps its
			// Emscripten factory self-contained (scripts/wasm-threads-plugin.ts), and it lost here: 2 threads on a
			// 2-core machine made every preset slower (docs/training-speed.md, `npm run bench:threads`).
			tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
			setWasmPaths(init.wasmPath.endsWith('/') ? init.wasmPath : `${init.wasmPath}/`);
			wasmPathSet = true;
		}
		return chooseBackend(config, { prefer: init.preferBackend, precheck: softwareGpu });
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
