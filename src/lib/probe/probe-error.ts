/** Bad input to the probe: the message is one readable line, meant to be shown as is (never a stack trace). */
export class ProbeInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ProbeInputError';
	}
}
