import { describe, expect, it } from 'vitest';
import { parseTrainArgs, HelpRequested } from './cli-args';

describe('train CLI arguments', () => {
	it('parses toys, presets, lists and flags', () => {
		const a = parseTrainArgs(['grokking', '--preset', 'grokking-59', '--seeds', '1,2,3', '--weight-decay', '0,0.3,1,3', '--json', '--steps', '500']);
		expect(a.toy).toBe('grokking');
		expect(a.preset).toBe('grokking-59');
		expect(a.seeds).toEqual([1, 2, 3]);
		expect(a.weightDecays).toEqual([0, 0.3, 1, 3]);
		expect(a.json).toBe(true);
		expect(a.steps).toEqual([500]);
		expect(parseTrainArgs(['grokking', '--weight-decay', '0,1', '--steps', '50,60']).steps).toEqual([50, 60]);
		expect(parseTrainArgs(['sae']).seeds).toEqual([1]);
		expect(parseTrainArgs(['grokking', '--train-fraction', '0.5,0.7']).trainFractions).toEqual([0.5, 0.7]);
		expect(parseTrainArgs(['grokking']).trainFractions).toBeNull();
		expect(parseTrainArgs(['grokking', '--stop-after-sb', '250']).stopAfterSb).toBe(250);
	});

	it('answers --help with the usage, not an error', () => {
		expect(() => parseTrainArgs(['--help'])).toThrow(HelpRequested);
		expect(() => parseTrainArgs(['grokking', '-h'])).toThrow(/usage: npm run train/);
	});

	it('rejects bad input with one clear message', () => {
		expect(() => parseTrainArgs(['mnist'])).toThrow(/"grokking" or "sae"/);
		expect(() => parseTrainArgs(['sae', '--steps', '-3'])).toThrow(/--steps expects non-negative integers/);
		expect(() => parseTrainArgs(['sae', '--noise'])).toThrow(/--noise needs a value/);
		expect(() => parseTrainArgs(['sae', '--frobnicate', '1'])).toThrow(/unknown option "--frobnicate"/);
		expect(() => parseTrainArgs(['sae', '--seed', '1.5'])).toThrow(/integers/);
		expect(() => parseTrainArgs(['sae', '--lr', '0'])).toThrow(/--lr must be > 0/);
		expect(() => parseTrainArgs(['grokking', '--weight-decay', '0,1', '--steps', '1,2,3'])).toThrow(/one per weight decay/);
		expect(() => parseTrainArgs(['grokking', '--train-fraction', '1'])).toThrow(/--train-fraction must be in \(0, 1\)/);
	});

	it('reads flags with node:util: --flag=value, dash values, order, and names what it does not know', () => {
		expect(parseTrainArgs(['grokking', '--steps=500', '--weight-decay=0,1']).steps).toEqual([500]);
		expect(parseTrainArgs(['grokking', '--seed', '3', '--seeds', '1,2']).seeds).toEqual([1, 2]);
		expect(parseTrainArgs(['grokking', '--seeds', '1,2', '--seed', '3']).seeds).toEqual([3]);
		expect(() => parseTrainArgs(['sae', '--noise', '-3'])).toThrow(/--noise expects non-negative numbers, got "-3"/);
		expect(() => parseTrainArgs(['sae', '--noise', '--json'])).toThrow(/--noise needs a value/);
		expect(() => parseTrainArgs(['sae', '--json=1'])).toThrow(/--json takes no value/);
		expect(() => parseTrainArgs(['sae', '--frobnicate'])).toThrow(/unknown option "--frobnicate"/);
		expect(() => parseTrainArgs(['sae', 'stray'])).toThrow(/unknown option "stray"/);
		expect(() => parseTrainArgs(['sae', '-x'])).toThrow(/unknown option "-x"/);
	});
});

describe('train CLI: your activations', () => {
	it('parses --data, --labels and --width for the sae toy', () => {
		const a = parseTrainArgs(['sae', '--data', 'acts.npy', '--labels', 'labels.npy', '--width', '4', '--steps', '200', '--json']);
		expect([a.data, a.labels, a.width, a.steps, a.json]).toEqual(['acts.npy', 'labels.npy', 4, [200], true]);
		expect(parseTrainArgs(['sae']).data).toBeNull();
	});

	it('refuses --data outside the sae toy, --labels without --data, and a preset with --data', () => {
		expect(() => parseTrainArgs(['grokking', '--data', 'a.npy'])).toThrow(/for the sae toy/);
		expect(() => parseTrainArgs(['sae', '--labels', 'l.npy'])).toThrow(/need --data/);
		expect(() => parseTrainArgs(['sae', '--data', 'a.npy', '--preset', 'sae'])).toThrow(/--preset does not apply/);
		expect(() => parseTrainArgs(['sae', '--data', 'a.npy', '--width', '0'])).toThrow(/--width must be > 0/);
	});

	it('ssl: --data and --tau, checked', () => {
		const a = parseTrainArgs(['ssl', '--data', 'digits', '--tau', '0.1,0.2,0.5', '--json']);
		expect(a).toMatchObject({ toy: 'ssl', data: 'digits', taus: [0.1, 0.2, 0.5], json: true });
		expect(() => parseTrainArgs(['ssl', '--data', 'mnist'])).toThrow(/--data must be synthetic or digits for the ssl toy/);
		expect(() => parseTrainArgs(['ssl', '--tau', '0'])).toThrow(/--tau must be > 0/);
		expect(() => parseTrainArgs(['grokking', '--tau', '0.1'])).toThrow(/ssl toy only/);
		expect(() => parseTrainArgs(['ssl', '--data', 'digits', '--labels', 'l.npy'])).toThrow(/for the sae toy/);
	});
});

describe('--schedule', () => {
	it('reads one or several schedules, with none as a baseline', () => {
		const a = parseTrainArgs(['grokking', '--schedule', 'none;weightDecay@500=1,noise@900=0']);
		expect(a.schedules).toEqual([[], [{ step: 500, key: 'weightDecay', value: 1 }, { step: 900, key: 'noise', value: 0 }]]);
	});
	it('refuses entries it cannot read', () => {
		expect(() => parseTrainArgs(['grokking', '--schedule', 'weightDecay@x=1'])).toThrow(/cannot read "weightDecay@x=1"/);
		expect(() => parseTrainArgs(['grokking', '--schedule', 'beta@10=1'])).toThrow(/--schedule/);
	});
});
