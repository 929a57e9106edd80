/**
 * The lab's one-click example for "Your activations": hidden states of the project's own grokking model, trained in
 * Node with the same code as the lab, and their (a + b) mod p labels.
 *   npx tsx scripts/make-upload-example.ts [--steps N] [--seed S]
 * Writes static/examples/grokking-hidden.npy (p² × hidden float32) and static/examples/grokking-labels.npy (p² int64),
 * and static/examples/grokking-example.json (command, date, backend, accuracies at the end).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeNpy } from '../src/lib/probe/npy-write';
import type { GrokkingConfig } from '../src/lib/train/config';
import { useNodeBackend } from '../src/lib/train/node/node-backend';
import { getPreset } from '../src/lib/train/presets';
import { Session } from '../src/lib/train/session';
import { npyBytes } from '../src/lib/train/upload-fixtures';

function flag(name: string, fallback: number): number {
	const i = process.argv.indexOf(name);
	return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
	const { backend, note } = await useNodeBackend();
	const steps = flag('--steps', 1500);
	const seed = flag('--seed', 1);
	const preset = getPreset('grokking-small', 'grokking');
	const config = preset.config as GrokkingConfig;
	const session = new Session(config, seed, 2);
	while (session.step < steps) {
		session.train(steps - session.step);
		await session.health();
	}
	const ev = await session.trainer.evaluate();
	session.dispose();
	if (ev.metrics.kind !== 'grokking') throw new Error('expected a grokking evaluation');
	const dir = 'static/examples';
	mkdirSync(dir, { recursive: true });
	writeFileSync(`${dir}/grokking-hidden.npy`, writeNpy(Float32Array.from(ev.Z), [ev.n, ev.d]));
	writeFileSync(`${dir}/grokking-labels.npy`, npyBytes('<i8', [ev.n], BigInt64Array.from(ev.labels, (v) => BigInt(v))));
	const meta = {
		command: `npx tsx scripts/make-upload-example.ts ${process.argv.slice(2).join(' ')}`.trim(),
		date: new Date().toISOString(),
		backend,
		backendNote: note,
		preset: preset.name,
		seed,
		steps,
		shape: [ev.n, ev.d],
		labels: `(a + b) mod ${config.p}`,
		trainAcc: ev.metrics.trainAcc,
		testAcc: ev.metrics.testAcc
	};
	writeFileSync(`${dir}/grokking-example.json`, JSON.stringify(meta, null, '\t') + '\n');
	console.log(JSON.stringify(meta));
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : String(e));
	process.exit(1);
});
