/**
 * Every figure control offers exactly what its URL schema accepts, and every figure shows its registered title:
 * the components are rendered on the server (as at prerender) and their markup is read back.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import { FIGURE_SCHEMAS, FIGURE_TITLES, type FigureName } from '$lib/state/figures';
import type { FieldSpec } from '$lib/state/schema';
import ProbeFigure from './probe/ProbeFigure.svelte';
import PitchforkFigure from './pitchfork/PitchforkFigure.svelte';
import HessianFigure from './hessian/HessianFigure.svelte';
import CascadeFigure from './cascade/CascadeFigure.svelte';
import GrokkingFigure from './grokking/GrokkingFigure.svelte';
import DelayFigure from './delay/DelayFigure.svelte';
import probeSource from './probe/ProbeFigure.svelte?raw';
import pitchforkSource from './pitchfork/PitchforkFigure.svelte?raw';
import hessianSource from './hessian/HessianFigure.svelte?raw';
import cascadeSource from './cascade/CascadeFigure.svelte?raw';
import grokkingSource from './grokking/GrokkingFigure.svelte?raw';
import delaySource from './delay/DelayFigure.svelte?raw';

type Figure = Component<{ prefix?: string }>;
const FIGURES: [FigureName, Figure, string][] = [
	['probe', ProbeFigure as Figure, probeSource],
	['pitchfork', PitchforkFigure as Figure, pitchforkSource],
	['hessian', HessianFigure as Figure, hessianSource],
	['cascade', CascadeFigure as Figure, cascadeSource],
	['grokking', GrokkingFigure as Figure, grokkingSource],
	['delay', DelayFigure as Figure, delaySource]
];

function attr(tag: string, name: string): string | undefined {
	return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The range inputs of a rendered figure, by their data-control name. */
function sliders(html: string): Map<string, { min: number; max: number; step: number }> {
	const out = new Map<string, { min: number; max: number; step: number }>();
	for (const [tag] of html.matchAll(/<input[^>]*type="range"[^>]*>/g)) {
		const name = attr(tag, 'data-control');
		if (!name) continue;
		out.set(name, { min: Number(attr(tag, 'min')), max: Number(attr(tag, 'max')), step: Number(attr(tag, 'step')) });
	}
	return out;
}

describe.each(FIGURES)('figure %s', (name, Figure, source) => {
	const { body } = render(Figure, { props: {} });
	const schema: Record<string, FieldSpec> = FIGURE_SCHEMAS[name];

	it('shows the title registered in FIGURE_TITLES', () => {
		const heading = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(body)?.[1].replace(/<!--[^>]*-->/g, '').trim();
		expect(heading).toBe(FIGURE_TITLES[name]);
	});

	it('copies no range or title into the component (they come from the schema and FIGURE_TITLES)', () => {
		for (const [tag] of source.matchAll(/<Slider[^>]*\/>/g)) {
			expect(tag).not.toMatch(/\s(min|max)=/);
			expect(tag).toMatch(/sliderRange\(FIGURE_SCHEMAS\./);
		}
		expect(source).not.toMatch(/\stitle="/);
		expect(source).not.toMatch(/ as CloudKind/);
	});

	it("gives every slider exactly its schema field's range", () => {
		const found = sliders(body);
		for (const [field, s] of found) {
			const f = schema[field];
			expect(f, `slider ${field} has no schema field`).toBeDefined();
			if (f.kind !== 'number' && f.kind !== 'int') throw new Error(`slider ${field} on a ${f.kind} field`);
			const log = f.kind === 'number' && f.log;
			expect(s.min, `${name}.${field} min`).toBeCloseTo(log ? Math.log10(f.min) : f.min, 12);
			expect(s.max, `${name}.${field} max`).toBeCloseTo(log ? Math.log10(f.max) : f.max, 12);
			if (f.kind === 'int') expect(s.step, `${name}.${field} step`).toBe(1);
		}
		// Every numeric field a figure renders a slider for is covered; the figures with sliders must have some.
		if (name !== 'grokking') expect(found.size).toBeGreaterThan(0);
	});
});
