/**
 * What /lab and /embed/lab share: the settings mirrored into the URL, the worker's run, and what both pages derive
 * from them (the hyper-parameters in force, the preset's config, the chart series, the backend badge, the step
 * marks and the data-* attributes the browser tests read). Each page adds its own controls and layout.
 */
import { base } from '$app/paths';
import { AUTO_PRESET } from '$lib/state/lab';
import type { Hyper } from '$lib/train/protocol';
import { backendBadge } from './backend-badge';
import { stepMarks, withPlanned, type StepMark } from './chart-marks';
import { LabRun } from './lab-run.svelte';
import { labSeries } from './lab-series';
import { LabSettings } from './lab-settings.svelte';
import { sslInit } from './ssl-init';

export class LabSession {
	readonly settings = new LabSettings();
	readonly run = new LabRun();
	/** The settings in force (URL state, clamped). */
	s = $derived(this.settings.value);
	hyper: Hyper = $derived({ lr: this.s.lr, weightDecay: this.s.weightDecay, noise: this.s.noise });
	/** The running preset's configuration (null until the worker is ready). */
	config = $derived(this.run.preset?.config ?? null);
	series = $derived(labSeries(this.run.snapshots));
	badge = $derived(this.run.backend ? backendBadge(this.run.backend.name, this.run.backend.trials, this.run.backend.reason, this.run.backend.fallbackFrom) : null);

	/** (Re)starts the worker's run from the settings in force: toy, preset, seed, hyper-parameters, schedule. */
	start(play: boolean): void {
		const s = this.s;
		const preset = s.preset === AUTO_PRESET ? undefined : s.preset;
		this.run.init({ toy: s.toy, preset, seed: s.seed, wasmPath: `${base}/wasm/`, hyper: this.hyper, play, schedule: s.schedule ?? [], ...sslInit(s, base) });
	}

	/** The time charts' marks: the events so far and the hyper-parameter changes, done and planned. */
	marks(xDomain: [number, number]): StepMark[] {
		const latest = this.run.latest;
		// 10 px labels (~6 px a character) on the time charts' ~270 px wide plot.
		return stepMarks(latest?.events, withPlanned(latest?.hyperChanges ?? [], this.s.schedule, this.run.step), ((xDomain[1] - xDomain[0]) * 6) / 270);
	}

	/** The run's state as data-* attributes, the same on both pages (tests read these, not pixels). */
	get runAttrs(): Record<string, string | number | boolean> {
		const { run, s } = this;
		const latest = run.latest;
		const m = latest?.metrics;
		return {
			'data-step': run.step,
			'data-backend': run.backend?.name ?? '',
			'data-rho': latest ? latest.probe.rho.toPrecision(5) : '',
			'data-test-acc': m?.kind === 'grokking' ? m.testAcc.toFixed(4) : '',
			'data-weight-decay': s.weightDecay,
			/** What the newest snapshot trained with: equal to data-weight-decay once the worker applied the slider. */
			'data-weight-decay-in-force': latest?.hyper.weightDecay ?? '',
			'data-running': run.running,
			'data-starting': run.starting,
			'data-paused-reason': run.paused?.reason ?? '',
			'data-snapshots': run.snapshots.length,
			'data-toy': s.toy,
			'data-preset': run.preset?.name ?? ''
		};
	}
}
