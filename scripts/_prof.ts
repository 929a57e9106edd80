import { gaussianCloud, createProbeState, probeSnapshot } from '../src/lib/probe/index';
import { centreRows } from '../src/lib/probe/centre-rows';
import { covarianceFast } from '../src/lib/probe/covariance-fast';
import { topEigenpairs } from '../src/lib/probe/top-eigenpairs';
import { runEM } from '../src/lib/probe/run-em';
import { freeEnergyFast } from '../src/lib/probe/mixture-fast';
const t = (name: string, fn: () => void, reps = 15) => { fn(); const xs: number[] = []; for (let i = 0; i < reps; i++) { const t0 = performance.now(); fn(); xs.push(performance.now() - t0); } xs.sort((a, b) => a - b); console.log(name, xs[reps >> 1].toFixed(2)); };
for (const [n, d] of [[2048, 128], [8192, 512]]) {
  const variances = Array.from({ length: d }, (_, i) => 1 / (1 + i) + 0.05);
  const Z = Float32Array.from(gaussianCloud(n, variances, 17, { rotate: true }).Z);
  const beta = { mode: 'fixed' as const, beta: 1.5 / variances[0] };
  let state = createProbeState(d, 8, 1);
  for (let i = 0; i < 3; i++) state = probeSnapshot(Z, n, d, beta, state).state;
  console.log('---', n, d);
  t('total', () => probeSnapshot(Z, n, d, beta, state), n > 4000 ? 5 : 15);
  const { centred } = centreRows(Z, n, d);
  t('centre', () => centreRows(Z, n, d, centred));
  const cov = covarianceFast(centred, n, d);
  t('cov', () => covarianceFast(centred, n, d, cov), 5);
  t('eig', () => topEigenpairs(cov.slice(), d, 8, { reference: state.eigvecs }), 5);
  t('em5', () => runEM(centred, n, d, state.prototypes!, 8, beta.beta, { steps: 5 }), 5);
  t('F', () => freeEnergyFast(centred, n, d, state.prototypes!, 8, beta.beta), 5);
}
