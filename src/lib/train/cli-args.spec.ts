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
