"""Reference for `npm run bench:compare`: one grokking training step in PyTorch, the same work as ours.

(a + b) mod p, full batch over the training split (fraction 0.5), embedding dim e, one ReLU hidden layer of H
units, linear readout, softmax cross-entropy, AdamW (lr 3e-3, betas 0.9/0.98, eps 1e-8, weight decay 1).
Two forms of the first layer, both timed:
  "lookup"  — as ours now (src/lib/train/pair-layer.ts): T = E·[W1a | W1b] + [b1, 0], h = relu(Ta[a] + Tb[b]);
              row indexing, whose backward pass is an index_add (ours: a sparse segment sum).
  "one-hot" — as ours before: h = relu([A·E, B·E]·W1 + b1) with one-hot matrices A, B (tfjs-wasm has no gather
              gradient), i.e. ~95 M multiply-adds per step at p 59 against ~39 M for "lookup".
One thread (torch.set_num_threads(1)) and two. Prints JSON lines {"what", "variant", "ms", "threads", "torch"},
"lookup" first.
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
    a, b = train[:, 0], train[:, 1]
    A = torch.nn.functional.one_hot(a, p).float()
    B = torch.nn.functional.one_hot(b, p).float()
    y = (a + b) % p
    E = torch.randn(p, e, generator=g).requires_grad_()
    W1 = (torch.rand(2 * e, H, generator=g) * 2 - 1).div_((2 * e) ** 0.5).requires_grad_()
    b1 = torch.zeros(H).requires_grad_()
    W2 = (torch.rand(H, p, generator=g) * 2 - 1).div_(H ** 0.5).requires_grad_()
    b2 = torch.zeros(p).requires_grad_()
    opt = torch.optim.AdamW([E, W1, b1, W2, b2], lr=3e-3, betas=(0.9, 0.98), eps=1e-8, weight_decay=1.0)

    def hidden_lookup():
        T = E @ torch.cat([W1[:e], W1[e:]], 1) + torch.cat([b1, torch.zeros(H)])
        return torch.relu(T[a, :H] + T[b, H:])

    def hidden_one_hot():
        return torch.relu(torch.cat([A @ E, B @ E], 1) @ W1 + b1)

    def step(hidden):
        opt.zero_grad(set_to_none=True)
        loss = torch.nn.functional.cross_entropy(hidden() @ W2 + b2, y)
        loss.backward()
        opt.step()
        return loss.item()

    for variant, hidden in (("lookup", hidden_lookup), ("one-hot", hidden_one_hot)):
        for threads in (1, 2):
            torch.set_num_threads(threads)
            for _ in range(5):
                step(hidden)
            xs = []
            start = time.perf_counter()
            while len(xs) < 10 or (len(xs) < 200 and time.perf_counter() - start < 2):
                t0 = time.perf_counter()
                step(hidden)
                xs.append((time.perf_counter() - t0) * 1000)
            xs.sort()
            print(json.dumps({"what": f"grokking-{p} step", "variant": variant, "ms": xs[len(xs) // 2],
                              "threads": threads, "torch": torch.__version__}), flush=True)


if __name__ == "__main__":
    main()
