"""Dev F1 split by whether an entity's surface form was seen as an entity in training: the random MSRA dev carve
shares most of its entities with MSRA train, so its overall F1 says little about names a model has never seen
(which is what the MSRA test set and real news are full of). Usage: unseen_eval.py MODEL.pt [MODEL.pt ...]
Prints, per model and dev split, overall F1 and F1 on the unseen part (gold and predicted mentions whose text
is not a training entity of that type)."""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train
from common import BUILD, read_jsonl, tags_to_spans
from model import Tagger


def train_entities(name="msra_train"):
    seen = set()
    for r in read_jsonl(os.path.join(BUILD, "data", name + ".jsonl.xz")):
        for s, e, t in r["spans"]:
            seen.add((r["text"][s:e], "ORG" if t == "COMPANY" else t))
    return seen


def f1(g, p):
    tp = len(g & p)
    P = tp / len(p) if p else 0.0
    R = tp / len(g) if g else 0.0
    return round(100 * (2 * P * R / (P + R) if P + R else 0.0), 2), len(g)


@torch.no_grad()
def spans(model, recs, bs=256):
    model.eval()
    out = [None] * len(recs)
    order = sorted(range(len(recs)), key=lambda i: len(recs[i][0]))
    for k in range(0, len(order), bs):
        idx = order[k:k + bs]
        c, b, lx, t, lens, mask = train.batchify([recs[i] for i in idx], "cpu")
        em = model.emissions(c, b, lx, lens, softlex=train.batchify.softlex)
        path = model.decode(em, mask).numpy()
        for j, i in enumerate(idx):
            out[i] = tags_to_spans(path[j, :len(recs[i][0])].tolist())
    return out


def main():
    torch.set_num_threads(int(os.environ.get("TORCH_THREADS", 1)))
    seen = train_entities()
    for path in sys.argv[1:]:
        ck = torch.load(path, map_location="cpu")
        c = ck["config"]
        m = Tagger(c["n_chars"], c["n_bigrams"], hidden=c["hidden"], use_lex=c["use_lex"], use_bigram=c["use_bigram"],
                   n_heads=c.get("n_heads", 1), softlex_dim=c.get("softlex_dim", 0))
        m.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in ck["state"].items()})
        train.SOFTLEX = bool(c.get("softlex_dim", 0))
        for split in ("msra_dev", "pku_dev"):
            recs = train.load_split(split)
            texts = [r["text"] for r in read_jsonl(os.path.join(BUILD, "data", split + ".jsonl.xz")) if r["text"]]
            assert len(texts) == len(recs)
            pred = spans(m, recs)
            G, P, Gu, Pu = set(), set(), set(), set()
            for i, r in enumerate(recs):
                for s, e, t in tags_to_spans(r[3].tolist()):
                    G.add((i, s, e, t))
                    if (texts[i][s:e], t) not in seen:
                        Gu.add((i, s, e, t))
                for s, e, t in pred[i]:
                    P.add((i, s, e, t))
                    if (texts[i][s:e], t) not in seen:
                        Pu.add((i, s, e, t))
            (fa, na), (fu, nu) = f1(G, P), f1(Gu, Pu)
            print(f"{path} {split}: all {fa} (n {na}) | unseen {fu} (n {nu})", flush=True)


if __name__ == "__main__":
    main()
