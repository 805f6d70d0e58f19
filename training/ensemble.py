"""Ensembles of trained taggers that share inputs (same vocabularies and lexicon bits): the members' emissions and
CRF parameters are averaged, so Viterbi maximises the members' mean path score (what the TypeScript runtime does
when meta.json lists several model files).

  ensemble.py eval  OUT.json MEMBER.pt [MEMBER.pt ...] [--sets msra_dev,pku_dev]   dev scores of each member + ensemble
  ensemble.py crf   OUT_crf.json MEMBER.pt [MEMBER.pt ...]                         averaged crf.json for assemble
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import TAGS, tags_to_spans
from model import load_checkpoint
from train import batchify, load_split, prf


def load_member(path):
    return load_checkpoint(path)[0]


def averaged_crf(members):
    return {k: torch.stack([getattr(m, k).detach() for m in members]).mean(0) for k in ("trans", "start", "end")}


@torch.no_grad()
def evaluate(members, recs, bs=256):
    crf = averaged_crf(members)
    decoder = members[0]
    saved = {k: getattr(decoder, k).data.clone() for k in crf}
    for k, v in crf.items():
        getattr(decoder, k).data.copy_(v)
    gold, pred = [], []
    order = sorted(range(len(recs)), key=lambda i: len(recs[i][0]))
    for k in range(0, len(order), bs):
        idx = order[k:k + bs]
        c, b, lx, t, lens, mask = batchify([recs[i] for i in idx], "cpu")
        em = torch.stack([m.emissions(c, b, lx, lens, head=0) for m in members]).mean(0)
        path = decoder.decode(em, mask, head=0).numpy()
        for j, i in enumerate(idx):
            n = len(recs[i][0])
            gold += [(i, s, e, ty) for s, e, ty in tags_to_spans(recs[i][3].tolist())]
            pred += [(i, s, e, ty) for s, e, ty in tags_to_spans(path[j, :n].tolist())]
    for k, v in saved.items():
        getattr(decoder, k).data.copy_(v)
    return prf(gold, pred)


def main():
    mode, out = sys.argv[1], sys.argv[2]
    args = sys.argv[3:]
    sets = ["msra_dev", "pku_dev"]
    if "--sets" in args:
        i = args.index("--sets")
        sets = args[i + 1].split(",")
        args = args[:i] + args[i + 2:]
    members = [load_member(p) for p in args]
    if mode == "crf":
        crf = averaged_crf(members)
        json.dump({"labels": TAGS, "transitions": crf["trans"].tolist(), "start": crf["start"].tolist(),
                   "end": crf["end"].tolist()}, open(out, "w"))
        print("wrote", out)
        return
    res = {}
    for s in sets:
        recs = load_split(s)
        for i, p in enumerate(args):
            res[f"{s}/member{i}:{os.path.basename(os.path.dirname(p)) or p}"] = evaluate([members[i]], recs)["ALL"]
        res[f"{s}/ensemble"] = evaluate(members, recs)["ALL"]
        for k, v in res.items():
            if k.startswith(s):
                print(k, v, flush=True)
    json.dump(res, open(out, "w"), indent=1)


if __name__ == "__main__":
    main()
