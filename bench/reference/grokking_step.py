"""Reference for `npm run bench:compare`: one grokking training step in PyTorch, the same work as ours.

(a + b) mod p, full batch over the training split (fraction 0.5), embedding dim e, one ReLU hidden layer of H
units, linear readout, softmax cross-entropy, AdamW (lr 3e-3, betas 0.9/0.98, eps 1e-8, weight decay 1). The
embedding is a one-hot matmul as in ours (tfjs-wasm has no gather gradient). One thread (torch.set_num_threads(1))
and, separately, the default thread count. Prints JSON lines {"what", "ms", "threads"}.
Usage: grokking_step.py P E H
"""
import json
import sys
import time

import torch


def main():
    p, e, H = (int(x) for x in sys.argv[1:4])
    g = torch.Generator().manual_seed(1)
    pairs = torch.cartesian_prod(torch.arange(p), torch.arange(p))
    perm = torch.randperm(p * p, generator=g)
    train = pairs[perm[: p * p // 2]]
    A = torch.nn.functional.one_hot(train[:, 0], p).float()
    B = torch.nn.functional.one_hot(train[:, 1], p).float()
    y = (train[:, 0] + train[:, 1]) % p
    E = torch.randn(p, e, generator=g).requires_grad_()
    W1 = (torch.rand(2 * e, H, generator=g) * 2 - 1).div_((2 * e) ** 0.5).requires_grad_()
    b1 = torch.zeros(H).requires_grad_()
    W2 = (torch.rand(H, p, generator=g) * 2 - 1).div_(H ** 0.5).requires_grad_()
    b2 = torch.zeros(p).requires_grad_()
    opt = torch.optim.AdamW([E, W1, b1, W2, b2], lr=3e-3, betas=(0.9, 0.98), eps=1e-8, weight_decay=1.0)

    def step():
        opt.zero_grad(set_to_none=True)
        h = torch.relu(torch.cat([A @ E, B @ E], 1) @ W1 + b1)
        loss = torch.nn.functional.cross_entropy(h @ W2 + b2, y)
        loss.backward()
        opt.step()
        return loss.item()

    for threads in (1, torch.get_num_threads()):
        torch.set_num_threads(threads)
        for _ in range(5):
            step()
        xs = []
        start = time.perf_counter()
        while len(xs) < 10 or (len(xs) < 200 and time.perf_counter() - start < 2):
            t0 = time.perf_counter()
            step()
            xs.append((time.perf_counter() - t0) * 1000)
        xs.sort()
        print(json.dumps({"what": f"grokking-{p} step", "ms": xs[len(xs) // 2], "threads": threads,
                          "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
