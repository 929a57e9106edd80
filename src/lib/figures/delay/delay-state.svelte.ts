/**
 * Runs the normal-form simulation for the delay figure in slices of a few ms per animation frame, so thousands of
 * paths never block the page; restarts whenever the parameters change.
 */
import { NormalFormSimulation, type NormalFormParams, type SimulationResult } from '$lib/dynamics';

export class DelayRun {
	result: SimulationResult | null = $state.raw(null);
	progress = $state(0);
	#sim: NormalFormSimulation | null = null;
	#frame = 0;

	start(params: NormalFormParams) {
		this.stop();
		this.#sim = new NormalFormSimulation(params);
		this.progress = 0;
		this.#tick();
	}

	#tick = () => {
		const sim = this.#sim;
		if (!sim) return;
		sim.advance({ budgetMs: 14 });
		this.progress = sim.progress;
		this.result = sim.result();
		if (!sim.done) this.#frame = requestAnimationFrame(this.#tick);
	};

	stop() {
		cancelAnimationFrame(this.#frame);
		this.#sim = null;
	}
}
