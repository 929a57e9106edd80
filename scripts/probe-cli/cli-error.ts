/** A user mistake on the command line or in an input file: printed as one line, exit code 2. */
export class CliError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CliError';
	}
}
