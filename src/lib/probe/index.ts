// The probe's single public entry point (filled in by the probe engine; see types.ts for the contract).
export * from './types';
