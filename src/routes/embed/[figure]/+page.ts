import { error } from '@sveltejs/kit';
import { FIGURE_NAMES, FIGURE_TITLES, isFigureName } from '$lib/state/figures';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => FIGURE_NAMES.map((figure) => ({ figure }));

export function load({ params }) {
	if (!isFigureName(params.figure)) error(404, `No figure called “${params.figure}”. Figures: ${FIGURE_NAMES.join(', ')}.`);
	return { figure: params.figure, title: FIGURE_TITLES[params.figure] };
}
