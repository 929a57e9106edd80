/**
 * The backend badge's text: the backend in use and why the faster-sounding ones are not, from the worker's measured
 * trials (e.g. "WASM — WebGPU unavailable, WebGL 2.1× slower"), or the fallback that moved the run.
 */
import type { BackendName, BackendTrial } from '$lib/train/protocol';

const BACKEND_LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export interface BadgeText {
	name: string;
	/** Short: why not the others. */
	detail: string;
	/** Long: the worker's own explanation (tooltip). */
	title: string;
}

function whyNot(t: BackendTrial, chosenMs: number | undefined): string {
	const label = BACKEND_LABELS[t.name];
	if (t.ms !== undefined && chosenMs !== undefined && chosenMs > 0) return `${label} ${(t.ms / chosenMs).toFixed(1)}× slower`;
	return `${label} unavailable`;
}

export function backendBadge(
	backend: BackendName,
	trials: readonly BackendTrial[],
	reason: string,
	fallbackFrom?: BackendName
): BadgeText {
	const name = BACKEND_LABELS[backend];
	if (fallbackFrom) return { name, detail: `fell back from ${BACKEND_LABELS[fallbackFrom]}`, title: reason };
	const chosenMs = trials.find((t) => t.name === backend)?.ms;
	const others = trials.filter((t) => t.name !== backend).map((t) => whyNot(t, chosenMs));
	const unavailable = trials.filter((t) => t.name !== backend && t.ms === undefined && t.reason);
	const title = [reason, ...unavailable.map((t) => `${BACKEND_LABELS[t.name]}: ${t.reason}`)].join('\n');
	return { name, detail: others.join(', '), title };
}
