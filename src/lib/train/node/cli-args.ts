/** Argument parsing for `npm run train` (node:util parseArgs): one clear message for anything it does not understand. */
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { SSL_DATA_SOURCES, type BackendName, type SslDataSource, type ToyName } from '../config';
import { presetNames } from '../presets';
import { MAX_SCHEDULE_ENTRIES, parseSchedule, type Schedule } from '../schedule';

export interface TrainCliArgs {
	toy: ToyName;
	preset: string | null;
	/** One value, or one per weight decay. */
	steps: number[] | null;
	seeds: number[];
	weightDecays: number[] | null;
	noise: number | null;
	lr: number | null;
	probeEvery: number | null;
	stopAfterGrok: number | null;
	/** Grokking: fractions of the p² pairs used for training; a list sweeps them (forecast sweep). */
	trainFractions: number[] | null;
	/** Grokking: stop this many steps after the network's symmetry breaking (W/T). */
	stopAfterSb: number | null;
	json: boolean;
	out: string | null;
	backend: BackendName;
	/** sae: an (N, d) activations .npy to train on instead of synthetic data (docs/your-activations.md); ssl: the data source (synthetic | digits). */
	data: string | null;
	/** Optional (N,) integer labels .npy for purity and the lottery. */
	labels: string | null;
	/** SAE width as a multiple of d (with --data; default 2). */
	width: number | null;
	/** SSL: NT-Xent temperature(s) (a list sweeps τ). */
	taus: number[] | null;
	/** Hyper-parameter changes at set steps; a list of schedules (separated by ';') runs each one. */
	schedules: Schedule[] | null;
}

const TRAIN_USAGE = `usage: npm run train -- grokking|sae|ssl [options]
  --preset NAME          ${presetNames().join(', ')}
  --steps N              training steps (default: the preset's); a list gives one per weight decay
  --seed S               seed (default 1); --seeds 1,2,3 runs several
  --weight-decay X       decoupled weight decay; a list (0,0.3,1,3) sweeps it
  --noise X              gradient-noise σ
  --lr X                 learning rate
  --probe-every K        snapshot every K steps (default: the preset's)
  --stop-after-grok N    grokking: stop N steps after test accuracy first reaches 95%
  --stop-after-sb N      grokking: stop N steps after the network's symmetry breaking (W/T falls below half its peak)
  --train-fraction F     grokking: fraction of the p² pairs used for training, in (0, 1); a list (0.5,0.6) sweeps it
  --json                 one JSON line per snapshot, then one per run summary
  --out FILE             also write all runs (summaries + trajectories) as one JSON document
  --backend wasm|cpu     tfjs backend in Node (default wasm)
  --data FILE.npy        sae: train on your (N, d) float32/float64 activations (docs/your-activations.md)
  --labels FILE.npy      sae with --data: (N,) integer labels, used only for purity and the lottery
  --width M              sae with --data: M·d atoms (default 2)
  --data synthetic|digits  ssl: input source (default synthetic; digits picks the ssl-digits preset)
  --tau T                ssl: NT-Xent temperature (default 0.1); a list (0.1,0.2,0.5) sweeps it
  --schedule TEXT        hyper-parameter changes at set steps, as in the lab's URL: weightDecay@1500=1,noise@3000=0
                         (keys weightDecay, noise, lr); several schedules separated by ';' each run every seed
                         ('none' in the list: a run without changes, e.g. the baseline)`;

/** The CLI's value bounds for schedules: anything the trainer accepts (the lab clamps to its slider ranges). */
const CLI_SCHEDULE_RANGES = {
	weightDecay: { min: 0, max: Infinity },
	noise: { min: 0, max: Infinity },
	lr: { min: Number.MIN_VALUE, max: Infinity }
};

function scheduleList(v: string): Schedule[] {
	return v.split(';').map((text) => {
		if (text.trim() === 'none') return [];
		const { schedule, dropped } = parseSchedule(text, CLI_SCHEDULE_RANGES);
		if (dropped.length) throw new Error(`--schedule: cannot read "${dropped.join('", "')}" (want key@step=value with key weightDecay|noise|lr, step ≥ 1, at most ${MAX_SCHEDULE_ENTRIES} entries)`);
		if (!schedule.length) throw new Error(`--schedule: empty schedule in "${v}"`);
		return schedule;
	});
}

function numberList(flag: string, v: string, integer: boolean): number[] {
	const xs = v.split(',').map((s) => Number(s.trim()));
	for (const x of xs) {
		if (!Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) {
			throw new Error(`${flag} expects ${integer ? 'non-negative integers' : 'non-negative numbers'}, got "${v}"`);
		}
	}
	return xs;
}

function single(flag: string, v: string, integer: boolean): number {
	const xs = numberList(flag, v, integer);
	if (xs.length !== 1) throw new Error(`${flag} takes one value, got "${v}"`);
	return xs[0];
}

/** The flags that take a value; --json and --help (-h) take none. */
const VALUE_FLAGS = ['preset', 'steps', 'seed', 'seeds', 'weight-decay', 'noise', 'lr', 'probe-every', 'stop-after-grok', 'stop-after-sb', 'train-fraction', 'out', 'backend', 'data', 'labels', 'width', 'tau', 'schedule'];

const OPTIONS: NonNullable<ParseArgsConfig['options']> = {
	...Object.fromEntries(VALUE_FLAGS.map((name) => [name, { type: 'string' as const }])),
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
};

/** node:util's tokenizer, its errors turned into the CLI's messages (each followed by the usage). */
function tokenize(argv: string[]) {
	// A value that starts with one dash (-3) is the flag's value, as it always was here; node:util would call it
	// ambiguous, so join it as --flag=value.
	const args: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const next = argv[i + 1];
		if (OPTIONS[argv[i].slice(2)]?.type === 'string' && argv[i].startsWith('--') && next !== undefined && /^-(?!-)/.test(next)) {
			args.push(`${argv[i]}=${next}`);
			i++;
		} else args.push(argv[i]);
	}
	try {
		return nodeParseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false, tokens: true }).tokens;
	} catch (e) {
		const err = e as Error & { code?: string };
		const name = err.message.match(/'([^'\s]*)/)?.[1] ?? '';
		if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
			throw new Error(`unknown option "${name}"\n${TRAIN_USAGE}`);
		}
		if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
			throw new Error(`${name} ${OPTIONS[name.slice(2)]?.type === 'boolean' ? 'takes no value' : 'needs a value'}\n${TRAIN_USAGE}`);
		}
		throw new Error(`${err.message.split('\n')[0]}\n${TRAIN_USAGE}`);
	}
}

export function parseTrainArgs(argv: string[]): TrainCliArgs {
	const args: TrainCliArgs = {
		toy: 'grokking',
		preset: null,
		steps: null,
		seeds: [1],
		weightDecays: null,
		noise: null,
		lr: null,
		probeEvery: null,
		stopAfterGrok: null,
		trainFractions: null,
		stopAfterSb: null,
		json: false,
		out: null,
		backend: 'wasm',
		data: null,
		labels: null,
		width: null,
		taus: null,
		schedules: null
	};
	const rest = [...argv];
	if (rest.includes('--help') || rest.includes('-h')) throw new HelpRequested(TRAIN_USAGE);
	const toy = rest.shift();
	if (toy !== 'grokking' && toy !== 'sae' && toy !== 'ssl') throw new Error(`first argument must be "grokking" or "sae" or "ssl", got "${toy ?? ''}"\n${TRAIN_USAGE}`);
	args.toy = toy;
	// Tokens in command-line order, so that the last of --seed/--seeds wins as it always did.
	for (const token of tokenize(rest)) {
		if (token.kind !== 'option') continue;
		const flag = token.rawName.startsWith('--') ? token.rawName : `--${token.name}`;
		if (token.name === 'json') {
			args.json = true;
			continue;
		}
		const value = token.value ?? '';
		switch (token.name) {
			case 'preset':
				args.preset = value;
				break;
			case 'steps':
				args.steps = numberList(flag, value, true);
				if (args.steps.some((n) => n < 1)) throw new Error('--steps must be ≥ 1');
				break;
			case 'seed':
			case 'seeds':
				args.seeds = numberList(flag, value, true);
				break;
			case 'weight-decay':
				args.weightDecays = numberList(flag, value, false);
				break;
			case 'noise':
				args.noise = single(flag, value, false);
				break;
			case 'lr':
				args.lr = single(flag, value, false);
				if (args.lr === 0) throw new Error('--lr must be > 0');
				break;
			case 'probe-every':
				args.probeEvery = single(flag, value, true);
				if (args.probeEvery < 1) throw new Error('--probe-every must be ≥ 1');
				break;
			case 'stop-after-grok':
				args.stopAfterGrok = single(flag, value, true);
				break;
			case 'stop-after-sb':
				args.stopAfterSb = single(flag, value, true);
				break;
			case 'train-fraction':
				args.trainFractions = numberList(flag, value, false);
				if (args.trainFractions.some((f) => !(f > 0 && f < 1))) throw new Error(`--train-fraction must be in (0, 1), got "${value}"`);
				break;
			case 'out':
				args.out = value;
				break;
			case 'backend':
				if (value !== 'wasm' && value !== 'cpu') throw new Error(`--backend must be wasm or cpu in Node, got "${value}"`);
				args.backend = value;
				break;
			case 'data':
				args.data = value;
				break;
			case 'labels':
				args.labels = value;
				break;
			case 'width':
				args.width = single(flag, value, false);
				if (args.width <= 0) throw new Error('--width must be > 0');
				break;
			case 'tau':
				args.taus = numberList(flag, value, false);
				if (args.taus.some((t) => t <= 0)) throw new Error('--tau must be > 0');
				break;
			case 'schedule':
				args.schedules = scheduleList(value);
				break;
		}
	}
	// --data means the ssl toy's data source, or the sae toy's activations file (your activations).
	if (args.taus !== null && args.toy !== 'ssl') throw new Error('--tau applies to the ssl toy only');
	if (args.toy === 'ssl' && args.data !== null && !SSL_DATA_SOURCES.includes(args.data as SslDataSource)) {
		throw new Error(`--data must be ${SSL_DATA_SOURCES.join(' or ')} for the ssl toy, got "${args.data}"`);
	}
	if (args.toy === 'ssl' && args.weightDecays && args.weightDecays.length > 1 && args.taus && args.taus.length > 1) {
		throw new Error('ssl: sweep --tau or --weight-decay, not both');
	}
	if (args.steps && args.steps.length > 1 && args.steps.length !== (args.weightDecays?.length ?? 1)) {
		throw new Error(`--steps lists ${args.steps.length} values but --weight-decay lists ${args.weightDecays?.length ?? 1}: give one, or one per weight decay`);
	}
	if (args.toy !== 'ssl' && (args.data || args.labels || args.width !== null) && args.toy !== 'sae') {
		throw new Error('--data FILE.npy, --labels and --width are for the sae toy (npm run train -- sae --data acts.npy); ssl takes --data synthetic|digits');
	}
	if (args.toy === 'ssl' && (args.labels || args.width !== null)) throw new Error('--labels and --width are for the sae toy');
	if ((args.labels || args.width !== null) && !args.data) throw new Error('--labels and --width need --data FILE.npy');
	if (args.toy === 'sae' && args.data && args.preset) throw new Error('--preset does not apply with --data (the file sets the SAE size)');
	return args;
}

/** Thrown for --help: the caller prints the usage to stdout and exits 0. */
export class HelpRequested extends Error {}
