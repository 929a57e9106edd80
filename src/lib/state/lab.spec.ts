import { describe, expect, it } from 'vitest';
import { AUTO_PRESET, decodeLab, encodeLab, HYPER_RANGES, labDefaults, patchLab, presetHyper } from './lab';
import { presetNames } from '$lib/train/presets';

describe('lab URL state', () => {
	it('defaults to grokking, automatic preset and the preset hyper-parameters', () => {
		const s = decodeLab(new URLSearchParams());
		expect(s).toEqual({ toy: 'grokking', preset: AUTO_PRESET, seed: 1, ...presetHyper('grokking'), autoIntervene: false, interveneWd: 1 });
		expect(encodeLab(s).toString()).toBe('');
	});

	it('takes the hyper-parameter defaults from the toy', () => {
		const s = decodeLab(new URLSearchParams('toy=sae'));
		expect(s.weightDecay).toBe(presetHyper('sae').weightDecay);
		expect(s.lr).toBe(presetHyper('sae').lr);
		expect(encodeLab(s).toString()).toBe('toy=sae&v=1');
	});

	it('round-trips a full state', () => {
		const s = { toy: 'sae' as const, preset: presetNames('sae')[0], seed: 42, weightDecay: 0.25, noise: 0.001, lr: 0.0005, autoIntervene: true, interveneWd: 2 };
		expect(decodeLab(new URLSearchParams(encodeLab(s).toString()))).toEqual(s);
	});

	it('turns garbage into defaults and clamps out-of-range values', () => {
		const s = decodeLab(new URLSearchParams('toy=<x>&preset=nope&seed=-3&weightDecay=1e9&noise=NaN&lr=0'));
		expect(s).toEqual({ ...labDefaults('grokking'), seed: 0, weightDecay: HYPER_RANGES.weightDecay.max, lr: HYPER_RANGES.lr.min });
	});

	it('reads auto-intervene and its weight decay, clamped', () => {
		const s = decodeLab(new URLSearchParams('autoIntervene=1&interveneWd=99'));
		expect(s.autoIntervene).toBe(true);
		expect(s.interveneWd).toBe(HYPER_RANGES.weightDecay.max);
		expect(decodeLab(new URLSearchParams('autoIntervene=maybe')).autoIntervene).toBe(false);
	});

	it('rejects a preset of the other toy', () => {
		expect(decodeLab(new URLSearchParams(`toy=grokking&preset=${presetNames('sae')[0]}`)).preset).toBe(AUTO_PRESET);
	});

	it('switching toy resets preset and hyper-parameters but keeps the seed', () => {
		const g = patchLab(labDefaults('grokking'), { seed: 7, weightDecay: 3, preset: presetNames('grokking')[0] });
		expect(g.weightDecay).toBe(3);
		const s = patchLab(g, { toy: 'sae' });
		expect(s).toEqual({ ...labDefaults('sae'), seed: 7 });
	});

	it('never throws on fuzzed input', () => {
		let seed = 99;
		const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const junk = ['', 'NaN', '1e400', '%', '🙂', 'sae', 'grokking', 'auto', '-1', '0.5'];
		for (let i = 0; i < 300; i++) {
			const p = new URLSearchParams();
			for (const k of ['toy', 'preset', 'seed', 'weightDecay', 'noise', 'lr']) if (rnd() < 0.7) p.set(k, junk[Math.floor(rnd() * junk.length)]);
			const s = decodeLab(p);
			expect(['grokking', 'sae']).toContain(s.toy);
			expect([AUTO_PRESET, ...presetNames(s.toy)]).toContain(s.preset);
			for (const k of ['weightDecay', 'noise', 'lr'] as const) expect(Number.isFinite(s[k])).toBe(true);
			expect(decodeLab(encodeLab(s))).toEqual(s);
		}
	});
});

describe('lab URL schedule', () => {
	it('reads schedule=, drops garbage entries and clamps values to the slider ranges', () => {
		const s = decodeLab(new URLSearchParams('schedule=weightDecay@1500=1,bogus,noise@3000=9,lr@-1=0.1&weightDecay=0'));
		expect(s.weightDecay).toBe(0);
		expect(s.schedule).toEqual([
			{ step: 1500, key: 'weightDecay', value: 1 },
			{ step: 3000, key: 'noise', value: HYPER_RANGES.noise.max }
		]);
		expect(decodeLab(new URLSearchParams('schedule=%%%')).schedule).toBeUndefined();
	});

	it('round-trips through the URL and is dropped when emptied', () => {
		const s = patchLab(labDefaults('grokking'), { weightDecay: 0, schedule: [{ step: 1000, key: 'weightDecay', value: 1 }] });
		const url = encodeLab(s);
		expect(url.get('schedule')).toBe('weightDecay@1000=1');
		expect(decodeLab(new URLSearchParams(url.toString()))).toEqual(s);
		expect(encodeLab(patchLab(s, { schedule: [] })).has('schedule')).toBe(false);
	});

	it('a toy switch clears the schedule', () => {
		const s = patchLab(labDefaults('grokking'), { schedule: [{ step: 10, key: 'noise', value: 0 }] });
		expect(patchLab(s, { toy: 'sae' }).schedule).toBeUndefined();
	});
});
