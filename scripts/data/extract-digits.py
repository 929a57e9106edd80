#!/usr/bin/python3
"""Extract the UCI 8x8 handwritten digits (1,797 images) that Debian's python3-sklearn ships into two small .npy files
for the SSL toy: static/data-ssl/digits-8x8.npy (uint8, 1797x64, grey levels 0-16) and digits-labels.npy (uint8, 1797).

Source: UCI ML repository, "Optical Recognition of Handwritten Digits" (Alpaydin & Kaynak, 1998), CC BY 4.0.
Run from the repository root:  /usr/bin/python3 scripts/data/extract-digits.py
"""
import os

import numpy as np
from sklearn.datasets import load_digits

out = os.path.join('static', 'data-ssl')
os.makedirs(out, exist_ok=True)
d = load_digits()
x = d.data.astype(np.uint8)
y = d.target.astype(np.uint8)
assert x.shape == (1797, 64) and x.max() <= 16 and y.shape == (1797,)
np.save(os.path.join(out, 'digits-8x8.npy'), x)
np.save(os.path.join(out, 'digits-labels.npy'), y)
print(f'wrote {x.shape} images (max {x.max()}) and {y.shape[0]} labels, class counts {np.bincount(y).tolist()}')
