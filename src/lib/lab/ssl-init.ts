/** The SSL toy's part of the lab's init message: preset from the data source, τ, and the site root for the digits. */
import type { LabState } from '$lib/state/lab';
import type { InitMessage } from '$lib/train/protocol';

export function sslInit(s: LabState, base: string): Pick<InitMessage, 'preset' | 'ssl' | 'dataPath'> | Record<string, never> {
	if (s.toy !== 'ssl') return {};
	return { preset: s.data === 'digits' ? 'ssl-digits' : 'ssl', ssl: { tau: s.tau }, dataPath: `${base}/` };
}
