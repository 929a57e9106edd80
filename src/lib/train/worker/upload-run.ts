/**
 * The worker's side of "Your activations": turn an `upload` message into a checked dataset and the SAE configuration
 * that trains on it. Every refusal is an UploadError with a sentence for the page; the run controller then keeps the
 * current run. The bytes stay in the worker: nothing here sends them anywhere.
 */
import type { SaeConfig } from '../config';
import type { PresetInfo, UploadMessage } from '../protocol';
import { UPLOAD_PRESET, uploadSaeConfig } from '../upload-config';

export { UPLOAD_PRESET };
import { checkFileSize, readUpload, UploadError, type UploadedActivations } from '../upload-validate';

export interface PreparedUpload {
	config: SaeConfig;
	data: UploadedActivations;
	info: PresetInfo;
}


export function uploadLabel(config: SaeConfig): string {
	const u = config.upload!;
	const labels = u.labelsName ? `, ${u.classes} labels from ${u.labelsName}` : ', no labels';
	return `Your activations: ${u.name} (${u.n} × ${u.d}), SAE ${config.atoms} atoms${labels}`;
}

/** Read the files (sizes checked before reading), check them, and build the SAE configuration. */
export async function prepareUpload(msg: UploadMessage): Promise<PreparedUpload> {
	if (!(msg.activations instanceof Blob)) throw new UploadError('not-npy', 'No activations file was received.');
	checkFileSize(msg.activations.size, msg.name);
	if (msg.labels) checkFileSize(msg.labels.size, msg.labelsName ?? 'the labels file');
	const acts = await msg.activations.arrayBuffer();
	const labels = msg.labels ? await msg.labels.arrayBuffer() : null;
	const data = readUpload(acts, labels, { name: msg.name, labelsName: msg.labelsName });
	let config: SaeConfig;
	try {
		config = uploadSaeConfig(data, msg.widthMultiple);
	} catch (e) {
		throw new UploadError('too-wide', `${e instanceof Error ? e.message : String(e)}.`);
	}
	return { config, data, info: { name: UPLOAD_PRESET, label: uploadLabel(config), config } };
}
