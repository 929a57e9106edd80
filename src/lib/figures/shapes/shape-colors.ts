/** One Okabe–Ito colour per shape tag, shared by the shapes figure's plane, series and legend. */
import type { ShapeTag } from '$lib/probe/types';

export const SHAPE_COLORS: Record<ShapeTag, string> = {
	'full-v': 'var(--c-blue)',
	'fold-back': 'var(--c-orange)',
	'delayed-escape': 'var(--c-vermillion)',
	'no-arc': 'var(--c-sky)',
	waiting: 'var(--c-green)',
	runaway: 'var(--c-purple)',
	other: 'var(--muted)'
};
