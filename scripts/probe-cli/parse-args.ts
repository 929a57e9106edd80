import { availableParallelism } from 'node:os';
import { parseArgs as nodeParseArgs } from 'node:util';
import { CliError } from './cli-error';
import type { BetaMode } from '../../src/lib/probe/index';

export interface CliOptions {
	file: string;
	mode: BetaMode;
	beta?: number;
	readout?: string;
	tau?: number;
	/** A number, or a path to a .npy with one value per snapshot. */
	mse?: number | string;
	K: number;
	emSteps: number;
	converge: boolean;
	maxIter: number;
	every: number;
	seed: number;
	/** Threads that probe snapshots (thread i: snapshots i, i + N, …, warm-started in order); 1 = serial, no threads. */
	workers: number;
	json: boolean;
	help: boolean;
}

const MODES: BetaMode[] = ['fixed', 'readout', 'calibrated', 'kernel', 'residual'];
/** Widest K accepted: the EM costs K·N·d per step, and beyond this nothing in the report is readable. */
const MAX_K = 256;
/** A sanity bound: each thread holds two N×d float64 copies, and the in-order EM bounds the speed-up anyway. */
const MAX_WORKERS = 64;
/** Default --workers: one thread per core, at most 4 (each holds a snapshot in memory twice). */
export const defaultWorkers = () => Math.max(1, Math.min(availableParallelism(), 4));

const OPTIONS = {
	'beta-mode': { type: 'string' },
	beta: { type: 'string' },
	readout: { type: 'string' },
	tau: { type: 'string' },
	mse: { type: 'string' },
	k: { type: 'string' },
	'em-steps': { type: 'string' },
	'max-iter': { type: 'string' },
	every: { type: 'string' },
	seed: { type: 'string' },
	workers: { type: 'string' },
	converge: { type: 'boolean' },
	json: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

function number(flag: string, text: string, check: (x: number) => boolean, what: string): number {
	const x = Number(text);
	if (text.trim() === '' || !Number.isFinite(x) || !check(x)) throw new CliError(`${flag} expects ${what}, got '${text}'`);
	return x;
}
const positive = (x: number) => x > 0;
const nonNegative = (x: number) => x >= 0;
const positiveInt = (x: number) => Number.isInteger(x) && x >= 1;

/** node:util's parser, its errors turned into the CLI's one-line messages. */
function parse(argv: string[]) {
	// A negative number after a value flag is its value (node:util would call it ambiguous): join it as --flag=value.
	const args: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const name = argv[i].startsWith('--') ? argv[i].slice(2) : '';
		const next = argv[i + 1];
		if (OPTIONS[name as keyof typeof OPTIONS]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
			args.push(`${argv[i]}=${next}`);
			i++;
		} else args.push(argv[i]);
	}
	try {
		return nodeParseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
	} catch (e) {
		const err = e as Error & { code?: string };
		const flag = err.message.match(/'(-[^'\s]*)/)?.[1] ?? '';
		if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new CliError(`unknown option ${flag} (see --help)`);
		if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
			const long = Object.keys(OPTIONS).find((k) => flag === `--${k}`);
			if (long && OPTIONS[long as keyof typeof OPTIONS].type === 'string') throw new CliError(`--${long} needs a value`);
			if (long) throw new CliError(`--${long} takes no value`);
		}
		throw new CliError(err.message.split('\n')[0]);
	}
}

/** argv (without node and script) → options. Throws CliError on anything it does not understand. */
export function parseArgs(argv: string[]): CliOptions {
	const { values: v, positionals: files } = parse(argv);
	const help = v.help === true;
	if (!help && files.length === 0) throw new CliError('no input FILE given (see --help)');
	if (files.length > 1) throw new CliError(`expected one input FILE, got ${files.length}: ${files.join(' ')}`);

	const get = (flag: string): string | undefined => {
		const x = v[flag.slice(2) as keyof typeof v];
		return typeof x === 'string' ? x : undefined;
	};
	const beta = get('--beta') !== undefined ? number('--beta', get('--beta')!, nonNegative, 'a number ≥ 0') : undefined;
	const tau = get('--tau') !== undefined ? number('--tau', get('--tau')!, positive, 'a positive number') : undefined;
	const mseText = get('--mse');
	const mse = mseText === undefined ? undefined : /\.npy$/i.test(mseText) ? mseText : number('--mse', mseText, positive, 'a positive number or a .npy file');
	const readout = get('--readout');

	let mode: BetaMode;
	const modeText = get('--beta-mode');
	if (modeText !== undefined) {
		if (!MODES.includes(modeText as BetaMode)) throw new CliError(`--beta-mode must be one of ${MODES.join(', ')}; got '${modeText}'`);
		mode = modeText as BetaMode;
	} else {
		mode = readout !== undefined ? 'readout' : tau !== undefined ? 'kernel' : mse !== undefined ? 'residual' : beta !== undefined ? 'fixed' : 'calibrated';
	}
	const needs: Record<BetaMode, string | null> = { fixed: '--beta', readout: '--readout', kernel: '--tau', residual: '--mse', calibrated: null };
	const given: Record<string, boolean> = { '--beta': beta !== undefined, '--readout': readout !== undefined, '--tau': tau !== undefined, '--mse': mse !== undefined };
	if (!help) {
		const need = needs[mode];
		if (need && !given[need]) throw new CliError(`--beta-mode ${mode} needs ${need}`);
		for (const flag of Object.keys(given)) {
			const allowed = flag === need || (flag === '--beta' && mode === 'calibrated');
			if (given[flag] && !allowed) throw new CliError(`${flag} does not apply to --beta-mode ${mode}`);
		}
	}
	return {
		file: files[0] ?? '',
		mode,
		beta,
		readout,
		tau,
		mse,
		K: get('--k') !== undefined ? number('--k', get('--k')!, (x) => positiveInt(x) && x <= MAX_K, `an integer from 1 to ${MAX_K}`) : 8,
		emSteps: get('--em-steps') !== undefined ? number('--em-steps', get('--em-steps')!, (x) => Number.isInteger(x) && x >= 0, 'an integer ≥ 0') : 5,
		converge: v.converge === true,
		maxIter: get('--max-iter') !== undefined ? number('--max-iter', get('--max-iter')!, positiveInt, 'a positive integer') : 10000,
		every: get('--every') !== undefined ? number('--every', get('--every')!, positive, 'a positive number') : 1,
		seed: get('--seed') !== undefined ? number('--seed', get('--seed')!, (x) => Number.isInteger(x) && x >= 0, 'an integer ≥ 0') : 1,
		workers:
			get('--workers') !== undefined
				? number('--workers', get('--workers')!, (x) => positiveInt(x) && x <= MAX_WORKERS, `an integer from 1 to ${MAX_WORKERS}`)
				: defaultWorkers(),
		json: v.json === true,
		help
	};
}
