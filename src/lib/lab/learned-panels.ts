/**
 * Which "what the network learned" panels a view shows. The lab shows all of them; /embed/lab shows only those its URL
 * names (`panels=grid,spectrum,clock,try,lottery`), none by default so the compact embed stays compact. Parsing never
 * throws: unknown or repeated entries are dropped, like any bad URL state. Pure; no DOM.
 */
export const LEARNED_PANELS = ['grid', 'spectrum', 'clock', 'try', 'lottery'] as const;
export type LearnedPanelName = (typeof LEARNED_PANELS)[number];

export const LEARNED_PANEL_LABELS: Record<LearnedPanelName, string> = {
	grid: 'prediction table',
	spectrum: 'Fourier spectrum',
	clock: 'neurons on a clock',
	try: 'try it',
	lottery: 'frequency lottery'
};

/** The panels named in `raw` (comma-separated), in the canonical order, each once; garbage dropped. */
export function parsePanels(raw: string | null | undefined): LearnedPanelName[] {
	if (!raw) return [];
	const named = new Set(raw.split(',').map((s) => s.trim().toLowerCase()));
	return LEARNED_PANELS.filter((p) => named.has(p));
}

/** The URL value for a choice of panels (canonical order; empty string for none). */
export function formatPanels(panels: readonly string[]): string {
	return parsePanels(panels.join(',')).join(',');
}

/** Sets (or removes, for none) `panels` on the params; returns them. */
export function withPanels(params: URLSearchParams, panels: readonly string[]): URLSearchParams {
	const value = formatPanels(panels);
	if (value) {
		params.set('panels', value);
		params.set('v', '1');
	} else params.delete('panels');
	return params;
}
