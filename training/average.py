"""Uniform weight average of checkpoints of one architecture (same vocabularies and sizes), in train.py's format:
the shipped 0.4.0 is the average of 0.3.0 (rebuilt with from_onnx.py) and two checkpoints of a run warm-started
from it. Floating-point tensors present in every checkpoint are averaged; everything else (and the config) is the
first checkpoint's, so list a train.py checkpoint first (it carries the partial-label CRF's buffers).

Usage: average.py OUT.pt FIRST.pt OTHER.pt [...]"""
import sys

import torch


def average(paths):
    cks = [torch.load(p, map_location="cpu") for p in paths]
    state = {}
    for k, v in cks[0]["state"].items():
        if v.is_floating_point() and all(k in c["state"] for c in cks):
            state[k] = sum(c["state"][k].float() for c in cks) / len(cks)
        else:
            state[k] = v
    return {"state": state, "config": cks[0]["config"]}


if __name__ == "__main__":
    torch.save(average(sys.argv[2:]), sys.argv[1])
    print("averaged", len(sys.argv) - 2, "checkpoints ->", sys.argv[1])
