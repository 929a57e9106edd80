"""Reference for `npm run bench:compare`: one probe update in numpy, the same work as probeSnapshot.

Centre, covariance Σ = ZcᵀZc/N (float64), full symmetric spectrum + top-8 eigenvectors (eigh), 5 EM steps at
fixed β with K prototypes (scores, softmax, Pᵀ·Z), free energy. Same data shape and spectrum as the TypeScript
bench (a random rotation of variances 1/(1+i) + 0.05, float32 input). Prints JSON lines: first the BLAS kernel in use, then one per task (median ms of repetitions after warm-up).
Usage: probe_update.py [update:N:d ...] [spectrum:d] [stream:PATH]
  update:N:d     one probe update on an (N, d) float32 cloud
  spectrum:d     numpy.linalg.eigh of a d×d covariance (the dense route a numpy user takes), top 8 kept
  stream:PATH    the probe update on every snapshot of a (T, N, d) .npy read by np.load(mmap_mode='r'),
                 warm-started like `npm run probe`; prints total ms and peak RSS
"""
import json
import os
import sys
import time

import numpy as np


def blas_kernel():
    try:
        cfg = np.show_config(mode="dicts")  # numpy >= 1.25
        return str(cfg.get("Build Dependencies", {}).get("blas", {}).get("name", "?"))
    except TypeError:
        pass
    try:
        import ctypes
        import numpy.core._multiarray_umath as m
        for lib in ("libopenblas.so.0", "libopenblasp-r0.3.21.so"):
            try:
                h = ctypes.CDLL(lib)
                h.openblas_get_corename.restype = ctypes.c_char_p
                h.openblas_get_config.restype = ctypes.c_char_p
                return f"OpenBLAS {h.openblas_get_config().decode()} core={h.openblas_get_corename().decode()}"
            except OSError:
                continue
    except Exception:  # noqa: BLE001
        pass
    return "unknown BLAS"


def cloud(n, d, seed):
    rng = np.random.default_rng(seed)
    var = 1.0 / (1.0 + np.arange(d)) + 0.05
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    return ((rng.standard_normal((n, d)) * np.sqrt(var)) @ q.T).astype(np.float32), var


def probe_update(Z, M0, beta, K=8, em_steps=5):
    Zc = Z.astype(np.float64)
    Zc -= Zc.mean(axis=0)
    n = Zc.shape[0]
    cov = (Zc.T @ Zc) / n
    w, v = np.linalg.eigh(cov)
    lam = w[::-1]
    top = v[:, ::-1][:, :8].T.copy()
    M = M0.copy()
    for _ in range(em_steps):
        s = beta * (Zc @ M.T - 0.5 * np.sum(M * M, axis=1))
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        wsum = p.sum(axis=0)
        M = (p.T @ Zc) / wsum[:, None]
    s = beta * (Zc @ M.T - 0.5 * np.sum(M * M, axis=1))
    mx = s.max(axis=1)
    lse = mx + np.log(np.exp(s - mx[:, None]).sum(axis=1))
    F = np.mean(0.5 * np.sum(Zc * Zc, axis=1) - (lse - np.log(K)) / beta)
    return lam, top, M, F


def median_ms(fn, budget=1.5, max_reps=21):
    fn()
    xs = []
    start = time.perf_counter()
    while len(xs) < 3 or (len(xs) < max_reps and time.perf_counter() - start < budget):
        t0 = time.perf_counter()
        fn()
        xs.append((time.perf_counter() - t0) * 1000)
    return float(np.median(xs))


def reflected_covariance(d, seed):
    """diag(1/(1+i) + 0.05) turned by three random Householder reflections: the same construction as
    scripts/bench-compare.ts, so both sides see the same spectrum (and Lanczos the same gaps)."""
    rng = np.random.default_rng(seed)
    cov = np.diag(1.0 / (1.0 + np.arange(d)) + 0.05)
    for _ in range(3):
        v = rng.standard_normal(d)
        v /= np.linalg.norm(v)
        w = cov @ v  # H C H with H = I − 2vvᵀ, as rank-one updates
        cov = cov - 2 * np.outer(v, w) - 2 * np.outer(w, v) + 4 * (v @ w) * np.outer(v, v)
    return cov


def spectrum(d):
    cov = reflected_covariance(d, 3)
    t0 = time.perf_counter()
    np.linalg.eigh(cov)  # one run: at d = 4096 it takes seconds
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"what": f"top-8 spectrum, d {d}", "d": d, "ms": ms}), flush=True)


def stream(path):
    import resource
    X = np.load(path, mmap_mode="r")
    T, n, d = X.shape
    rng = np.random.default_rng(1)
    t0 = time.perf_counter()
    M = None
    for t in range(T):
        Z = np.asarray(X[t], dtype=np.float32)
        if M is None:
            M = rng.standard_normal((8, d)) * 1e-6
        lam, _, M, _ = probe_update(Z, M, 1.0)
    ms = (time.perf_counter() - t0) * 1000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"what": f"stream T {T} x N {n} x d {d}", "ms": ms, "peak_rss_bytes": rss}), flush=True)


def main():
    print(json.dumps({"kernel": blas_kernel(), "numpy": np.__version__,
                      "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
                      "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS")}), flush=True)
    for arg in sys.argv[1:]:
        kind, _, rest = arg.partition(":")
        if kind == "spectrum":
            spectrum(int(rest))
            continue
        if kind == "stream":
            stream(rest)
            continue
        n, d = (int(x) for x in rest.split(":"))
        Z, var = cloud(n, d, 17)
        beta = 1.5 / var[0]
        rng = np.random.default_rng(1)
        M0 = rng.standard_normal((8, d)) * 1e-3 * np.sqrt(var[0])
        probe_update(Z, M0, beta)
        ms = median_ms(lambda: probe_update(Z, M0, beta))
        print(json.dumps({"what": f"probe update N {n} x d {d}, K 8", "n": n, "d": d, "ms": ms}), flush=True)


if __name__ == "__main__":
    main()
