/**
 * Where a training step's time goes: tfjs' per-kernel times for one step of a preset on tfjs-wasm in Node, summed
 * by kernel and input shapes, per step over `--reps` profiled steps (the step's median wall time above them, over 60
 * unprofiled steps).
 *   npm run bench:train-profile [-- --preset grokking-59] [--top 25] [--reps 20]
 * customGrad wrappers show as "forward" rows that contain the kernels they run (do not add them to the rest).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { PRESETS } from '../src/lib/train/presets';
import { Session } from '../src/lib/train/session';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);

async function main() {
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	await tf.setBackend('wasm');
	await tf.ready();
	const name = opt('--preset', 'grokking-59');
	const preset = PRESETS.find((p) => p.name === name);
	if (!preset) throw new Error(`unknown preset ${name}: ${PRESETS.map((p) => p.name).join(', ')}`);
	const session = new Session(structuredClone(preset.config), 1, 2);
	session.trainer.train(5);
	await session.trainer.readLoss();
	const xs: number[] = [];
	for (let i = 0; i < 60; i++) {
		const t0 = performance.now();
		session.trainer.train(1);
		await session.trainer.readLoss();
		xs.push(performance.now() - t0);
	}
	xs.sort((a, b) => a - b);
	// Kernel times summed over `reps` profiled steps and divided by reps: one step's times are too noisy on a shared machine.
	const reps = Number(opt('--reps', '20'));
	const info = await tf.profile(async () => {
		for (let i = 0; i < reps; i++) {
			session.trainer.train(1);
			await session.trainer.readLoss();
		}
	});
	const agg = new Map<string, { ms: number; count: number }>();
	for (const k of info.kernels) {
		const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
		const a = agg.get(key) ?? { ms: 0, count: 0 };
		a.ms += Number(k.kernelTimeMs) / reps;
		a.count += 1 / reps;
		agg.set(key, a);
	}
	const rows = [...agg].sort((a, b) => b[1].ms - a[1].ms);
	const own = rows.filter(([k]) => !k.startsWith('forward ')).reduce((s, [, a]) => s + a.ms, 0);
	console.log(`${name} on wasm: step median ${xs[30].toFixed(2)} ms (p10 ${xs[6].toFixed(2)}); ${info.kernels.length / reps} kernels, ${own.toFixed(2)} ms in kernels (without the "forward" wrappers)`);
	for (const [k, a] of rows.slice(0, Number(opt('--top', '25')))) console.log(`${a.ms.toFixed(3).padStart(8)} ms  ${String(Math.round(a.count)).padStart(3)}×  ${k}`);
	session.dispose();
}

void main();
