/**
 * Lets tfjs-wasm's threaded binary survive bundling. tfjs starts its pthread workers with the Emscripten factory's
 * source text (`factory.toString()`), so the factory must not use anything from the module around it. It does use
 * one thing: `_scriptDir`, declared just outside it and only read behind `typeof _scriptDir !== "undefined"`. A
 * minifier that sees the declaration rewrites that test to `e !== void 0` (the name mangled), which throws
 * "ReferenceError: e is not defined" in every pthread worker (measured with Vite 8, 2026-11-30). Declaring an
 * undefined `_scriptDir` inside the factory keeps it self-contained. Nothing changes in a browser: the outer value
 * is `document.currentScript.src`, and a module worker (where the lab trains) has no document, so it is undefined
 * there too. The transform also reports (throws) if tfjs' file no longer has the expected shape.
 * Used for the worker bundles (vite.config.ts `worker.plugins`) and by scripts/bench-threads.ts.
 */
import type { Plugin } from 'vite';

const FILE = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const FACTORY_START = 'function(WasmBackendModuleThreadedSimd) {\n  WasmBackendModuleThreadedSimd = WasmBackendModuleThreadedSimd || {};';

export function wasmThreads(): Plugin {
	return {
		name: 'pitchfork-wasm-threads',
		enforce: 'pre',
		transform(code, id) {
			if (!FILE.test(id)) return null;
			const at = code.indexOf(FACTORY_START);
			if (at < 0 || code.indexOf(FACTORY_START, at + 1) >= 0) {
				throw new Error(`${id}: the Emscripten factory's start was not found once; the threaded-wasm fix needs updating`);
			}
			const end = at + FACTORY_START.length;
			return { code: `${code.slice(0, end)}\n  var _scriptDir = undefined;${code.slice(end)}`, map: null };
		}
	};
}
