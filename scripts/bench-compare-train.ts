/**
 * Extra training-step rows of `npm run bench:compare` (with --only train): the grokking-59 step in headless
 * Chromium on tfjs-wasm without threads and with 2 threads (cross-origin isolated page, scripts/bench-threads.ts),
 * against PyTorch with 1 and 2 threads, and ours in Node against PyTorch's previous one-hot form of the first layer.
 */
import { spawnSync } from 'node:child_process';

type Add = (what: string, ours: number | null, ref: number | null, target: string, extra?: { note?: string }) => void;
interface TorchLine {
	variant?: string;
	threads?: number;
	ms?: number;
}

export function addTrainThreadRows(add: Add, nodeMs: number | null, torchLines: Record<string, unknown>[], torchSkipped?: string): void {
	const torch = (variant: string, threads: number) =>
		((torchLines as TorchLine[]).find((l) => l.variant === variant && l.threads === threads)?.ms ?? null) as number | null;
	const skipped = torchSkipped ? `PyTorch reference skipped: ${torchSkipped}` : undefined;
	add('grokking-59 training step, wasm (Node) vs PyTorch 1 thread, previous one-hot first layer', nodeMs, torch('one-hot', 1), '≤ 2× PyTorch', {
		note: skipped ?? 'PyTorch doing the previous form (~95 M MAC/step, ours now ~41 M): for continuity with earlier runs'
	});
	add('grokking-59 training step, wasm (Node) vs PyTorch 2 threads', nodeMs, torch('lookup', 2), '≤ 2× PyTorch', { note: skipped });
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench-threads.ts', '--json', '--presets', 'grokking-59', '--threads', '0,2', '--budget', '3000'], {
		encoding: 'utf8',
		maxBuffer: 1 << 24
	});
	let results: { threads: number; actualThreads?: number; error?: string; rows?: { ms: number }[] }[] = [];
	let why = '';
	try {
		results = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop() ?? '').results : [];
		if (r.status !== 0) why = (r.stderr || '').trim().split('\n').pop() ?? 'bench:threads failed';
	} catch (e) {
		why = `bench:threads output unreadable (${e instanceof Error ? e.message : String(e)})`;
	}
	const ms = (threads: number) => results.find((x) => x.threads === threads && !x.error)?.rows?.[0]?.ms ?? null;
	const used = results.find((x) => x.threads === 2)?.actualThreads;
	const note = (ref: string) => (why ? `Chromium run failed: ${why}` : skipped ?? ref);
	add('grokking-59 training step, wasm in headless Chromium, no threads, vs PyTorch 1 thread', ms(0), torch('lookup', 1), '≤ 2× PyTorch', {
		note: note('module worker, single-threaded SIMD binary (what the lab runs)')
	});
	add('grokking-59 training step, wasm ×2 threads in headless Chromium (COOP/COEP), vs PyTorch 1 thread', ms(2), torch('lookup', 1), '≤ 2× PyTorch', {
		note: note(`threaded SIMD binary, ${used ?? '?'} XNNPACK threads used`)
	});
	add('grokking-59 training step, wasm ×2 threads in headless Chromium (COOP/COEP), vs PyTorch 2 threads', ms(2), torch('lookup', 2), '≤ 2× PyTorch', {
		note: note('both sides with 2 threads on this machine’s cores')
	});
}
