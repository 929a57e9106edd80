"""Reference for `npm run bench:matmul-ceiling`: f32 matmul time in PyTorch for the given shapes, 1 and 2 threads.

Usage: matmul_shapes.py MxKxN[,MxKxN...]   Prints JSON lines {"shape", "threads", "ms", "torch"} (median of repeats).
"""
import json
import sys
import time

import torch


def main():
    shapes = [tuple(int(x) for x in s.split("x")) for s in sys.argv[1].split(",")]
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for m, k, n in shapes:
            a = torch.rand(m, k)
            b = torch.rand(k, n)
            for _ in range(3):
                a @ b
            xs = []
            start = time.perf_counter()
            while len(xs) < 5 or (len(xs) < 200 and time.perf_counter() - start < 1):
                t0 = time.perf_counter()
                a @ b
                xs.append((time.perf_counter() - t0) * 1000)
            xs.sort()
            print(json.dumps({"shape": f"{m}x{k}x{n}", "threads": threads, "ms": xs[len(xs) // 2],
                              "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
