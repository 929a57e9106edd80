import { describe, expect, it } from 'vitest';
import { backendBadge } from './backend-badge';

describe('backendBadge', () => {
	it('names the backend and why the others were not chosen', () => {
		const b = backendBadge(
			'wasm',
			[
				{ name: 'webgpu', ok: false, reason: 'not available in this environment' },
				{ name: 'webgl', ok: false, ms: 42, reason: '2.1× slower than wasm' },
				{ name: 'wasm', ok: true, ms: 20 }
			],
			'measured 20.0 ms/step'
		);
		expect(b.name).toBe('WASM');
		expect(b.detail).toBe('WebGPU unavailable, WebGL 2.1× slower');
		expect(b.title).toContain('WebGPU: not available');
	});

	it('says when the run fell back', () => {
		const b = backendBadge('wasm', [], 'webgpu failed (device lost); continuing on wasm from step 200', 'webgpu');
		expect(b.detail).toBe('fell back from WebGPU');
		expect(b.title).toContain('device lost');
	});
});
