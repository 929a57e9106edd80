export const HELP = `Usage: npm run probe -- FILE [options]

Runs the passive Gaussian-mixture probe (docs/theory.md §1–4) on hidden states saved as NumPy .npy.

FILE
  X.npy of shape (N, d)      one snapshot: analysed at equilibrium (EM from a jittered symmetric start
                             until converged; the iterations are reported — near ρ = 1 they are many)
  X.npy of shape (T, N, d)   a trajectory of T snapshots of the same N probe inputs: warm-started EM per
                             snapshot (5 steps, or --converge), then the events (onset, escape, lag, shape)
  FOLDER/                    its .npy files, each (N, d), in natural name order (step_2 before step_10)
  float32 or float64, C order. Files are read one snapshot at a time (memory: a few N×d snapshots plus
  O(d²), see --workers), so a trajectory larger than memory works; a TTY shows a progress bar with the ETA.
  Wide data (d > 512): the d×d covariance is never formed; the top eigenpairs come from the N×N Gram
  matrix (N ≤ 1024) or by Lanczos (then the effective rank is not computed).

β mode (docs/theory.md §3; every output says which was used):
  --beta-mode MODE   fixed | readout | calibrated | kernel | residual. Default: readout if --readout is
                     given, kernel if --tau, residual if --mse, fixed if --beta, calibrated otherwise.
  --beta X           fixed: β = X.  calibrated: β = X at snapshot 0, i.e. β̃ = X·tr Σ_0.
                     calibrated without --beta: β̃ = tr Σ_0/λ1(0), so ρ = 1 at snapshot 0 (printed).
  --readout W.npy    readout weights, one row per class: (C, d), or (d, C) as a tfjs/keras Dense kernel
                     (used when unambiguous; a square d×d is read as (C, d)); (T, C, d) or (T, d, C) for a
                     trajectory. β = ‖W_c‖_rms / √(tr Cov h).
  --tau X            kernel: β = 1/τ on the L2-normalised rows.
  --mse X|M.npy      residual: β = d / E‖x − x̂‖² (a number, or a .npy with one value per snapshot).

Probe:
  --k K              prototypes, 1–256 (default 8)
  --em-steps S       EM steps per trajectory snapshot (default 5)
  --converge         converge EM at every trajectory snapshot too
  --max-iter M       cap on EM iterations when converging (default 10000)
  --every S          training steps between snapshots, so events are in steps (default 1)
  --seed S           seed of the jitter (default 1)
  --workers N        threads, this one included (default: cores, at most 4; 1 = serial). Thread i probes
                     snapshots i, i+N, …: it reads, centres and takes the spectrum of its next snapshot at
                     once, then runs the warm-started EM when the state after the previous snapshot arrives
                     from its neighbour. The output is identical for every N. Memory: per thread one N×d
                     float64 snapshot and one kernel copy of it, plus ~60 MB, whatever T is (a float32 file:
                     the snapshot as float32 and its kernel copy). A single (N, d) snapshot splits its rows
                     (covariance, EM, free energy) across the N threads instead.

Output:
  --json             one JSON object: {file, shape, betaMode, ..., snapshots: [...], events} with, per
                     snapshot, lambda1, betaC, beta, rho, hessianMin, unstableDirections, spread, kEff,
                     anisotropy, effectiveRank and more. Infinite values (β_c of a flat snapshot) are null.
  --help             this text

Bad input prints one line to stderr and exits with code 2.
`;
