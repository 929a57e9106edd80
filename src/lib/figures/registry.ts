import type { Component } from 'svelte';
import type { FigureName } from '$lib/state/figures';
import ProbeFigure from './probe/ProbeFigure.svelte';
import PitchforkFigure from './pitchfork/PitchforkFigure.svelte';
import HessianFigure from './hessian/HessianFigure.svelte';
import CascadeFigure from './cascade/CascadeFigure.svelte';
import DelayFigure from './delay/DelayFigure.svelte';
import GrokkingFigure from './grokking/GrokkingFigure.svelte';
import ShapesFigure from './shapes/ShapesFigure.svelte';
import ForecastFigure from './forecast/ForecastFigure.svelte';
import SslFigure from './ssl/SslFigure.svelte';
import LotteryFigure from './lottery/LotteryFigure.svelte';
import RescueFigure from './rescue/RescueFigure.svelte';

/** Every article figure, by the name used in `::figure{name}`, in URLs and in /embed/<name>. */
export const FIGURE_COMPONENTS: Record<FigureName, Component<{ prefix: string }>> = {
	probe: ProbeFigure,
	pitchfork: PitchforkFigure,
	hessian: HessianFigure,
	cascade: CascadeFigure,
	delay: DelayFigure,
	grokking: GrokkingFigure,
	shapes: ShapesFigure,
	forecast: ForecastFigure,
	ssl: SslFigure,
	lottery: LotteryFigure,
	rescue: RescueFigure
};
