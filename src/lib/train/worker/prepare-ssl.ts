/**
 * Worker-side preparation of an SSL run before its trainer is built: apply the requested τ (clamped to the lab's
 * range) and fetch the digits from the site when the preset needs them. Other toys pass through untouched.
 */
import type { ToyConfig } from '../config';
import { fetchDigits } from '../ssl-digits';

const SSL_TAU_RANGE = { min: 0.02, max: 2 } as const;

export interface SslInitOptions {
	/** NT-Xent temperature τ (the probe's β = 1/τ); clamped to SSL_TAU_RANGE, ignored if not finite. */
	tau?: number;
}

/** Site root for the data files, derived from the wasm folder when not given (`${base}/wasm/` → `${base}/`). */
export function dataRootOf(wasmPath: string, dataPath?: string): string {
	if (dataPath !== undefined) return dataPath.endsWith('/') ? dataPath : `${dataPath}/`;
	return wasmPath.replace(/wasm\/?$/, '');
}

export async function prepareSsl(config: ToyConfig, options: SslInitOptions | undefined, dataRoot: string): Promise<void> {
	if (config.toy !== 'ssl') return;
	const tau = options?.tau;
	if (typeof tau === 'number' && Number.isFinite(tau)) config.tau = Math.min(SSL_TAU_RANGE.max, Math.max(SSL_TAU_RANGE.min, tau));
	if (config.data === 'digits') await fetchDigits(dataRoot);
}
