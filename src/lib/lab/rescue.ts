/**
 * The "rescue a stuck run" demo: weight decay 0 on the CPU-sized grokking preset (the network memorises and ρ runs
 * away), then weight decay 1 from step 1000. Measured in content/data/grokking-rescue.json (switch at 500, 1000 and
 * 1500, three seeds each, and the never-switched baseline).
 */
import type { LabState } from '$lib/state/lab';
import type { Schedule } from '$lib/train/schedule';

export const RESCUE: { settings: Partial<LabState>; schedule: Schedule } = {
	settings: { preset: 'grokking-small', weightDecay: 0 },
	schedule: [{ step: 1000, key: 'weightDecay', value: 1 }]
};
