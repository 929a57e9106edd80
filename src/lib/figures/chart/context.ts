import { getContext, setContext } from 'svelte';

/** Scales and inner size of a chart, shared with its marks and axes (LayerCake-style). */
export interface ChartContext {
	readonly x: (v: number) => number;
	readonly y: (v: number) => number;
	readonly xTicks: (n?: number) => number[];
	readonly yTicks: (n?: number) => number[];
	readonly width: number;
	readonly height: number;
}

const KEY = Symbol('chart');
export const setChart = (ctx: ChartContext) => setContext(KEY, ctx);
export const getChart = () => getContext<ChartContext>(KEY);
