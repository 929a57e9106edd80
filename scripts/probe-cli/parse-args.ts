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
	json: boolean;
	help: boolean;
}

const MODES: BetaMode[] = ['fixed', 'readout', 'calibrated', 'kernel', 'residual'];
const VALUE_FLAGS = ['--beta-mode', '--beta', '--readout', '--tau', '--mse', '--k', '--em-steps', '--max-iter', '--every', '--seed'];
const SWITCHES = ['--converge', '--json', '--help', '-h'];

function number(flag: string, text: string, check: (x: number) => boolean, what: string): number {
	const x = Number(text);
	if (text.trim() === '' || !Number.isFinite(x) || !check(x)) throw new CliError(`${flag} expects ${what}, got '${text}'`);
	return x;
}
const positive = (x: number) => x > 0;
const nonNegative = (x: number) => x >= 0;
const positiveInt = (x: number) => Number.isInteger(x) && x >= 1;

/** argv (without node and script) → options. Throws CliError on anything it does not understand. */
export function parseArgs(argv: string[]): CliOptions {
	const values = new Map<string, string>();
	const switches = new Set<string>();
	const files: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		let arg = argv[i];
		let inline: string | undefined;
		if (arg.startsWith('--') && arg.includes('=')) {
			inline = arg.slice(arg.indexOf('=') + 1);
			arg = arg.slice(0, arg.indexOf('='));
		}
		if (VALUE_FLAGS.includes(arg)) {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new CliError(`${arg} needs a value`);
			values.set(arg, v);
		} else if (SWITCHES.includes(arg)) {
			if (inline !== undefined) throw new CliError(`${arg} takes no value`);
			switches.add(arg);
		} else if (arg.startsWith('-') && arg !== '-') {
			throw new CliError(`unknown option ${arg} (see --help)`);
		} else {
			files.push(arg);
		}
	}
	const help = switches.has('--help') || switches.has('-h');
	if (!help && files.length === 0) throw new CliError('no input FILE given (see --help)');
	if (files.length > 1) throw new CliError(`expected one input FILE, got ${files.length}: ${files.join(' ')}`);

	const get = (flag: string) => values.get(flag);
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
		K: get('--k') !== undefined ? number('--k', get('--k')!, positiveInt, 'a positive integer') : 8,
		emSteps: get('--em-steps') !== undefined ? number('--em-steps', get('--em-steps')!, (x) => Number.isInteger(x) && x >= 0, 'an integer ≥ 0') : 5,
		converge: switches.has('--converge'),
		maxIter: get('--max-iter') !== undefined ? number('--max-iter', get('--max-iter')!, positiveInt, 'a positive integer') : 10000,
		every: get('--every') !== undefined ? number('--every', get('--every')!, positive, 'a positive number') : 1,
		seed: get('--seed') !== undefined ? number('--seed', get('--seed')!, (x) => Number.isInteger(x) && x >= 0, 'an integer ≥ 0') : 1,
		json: switches.has('--json'),
		help
	};
}
