"""Score heads trained alike over the same frozen encoder (add_head.py --seed N, or a shipped head rebuilt with
from_onnx.py --head NAME) one by one and as ensembles — the mean of their emissions, decoded with the mean of their
CRFs (add_head.HeadEnsemble) — on {corpus}_dev (or the members' holdout), and write the chosen ensemble for graft_head.py.

Usage: ensemble_heads.py BASE.pt OUT.pt --corpus msra --cache DIR A.pt B.pt [C.pt ...] [--take all|best] [--holdout 0.1]
OUT.pt = {"corpus", "members": [add_head.py OUT.pt dicts], "crf": the mean CRF, "result"}: with --take all (default)
every member given; with --take best the subset (of two or more) with the best F1 on the selection set.
"""
import argparse
import itertools
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402
from add_head import Head, HeadEnsemble, learn_and_select, score  # noqa: E402
from model import load_checkpoint  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("out")
    ap.add_argument("members", nargs="+")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--cache", default="")
    ap.add_argument("--take", choices=("all", "best"), default="all")
    ap.add_argument("--holdout", type=float, default=0.0,
                    help="score on the share of {corpus}_train the members held out (add_head.py --holdout)")
    a = ap.parse_args()
    torch.set_num_threads(int(os.environ.get("TORCH_THREADS", os.cpu_count() or 1)))
    base, config = load_checkpoint(a.base)
    T.SOFTLEX = bool(config.get("softlex_dim"))
    fold = a.corpus in T.FOLD_COMPANY
    *_, dev, S_dev, sel = learn_and_select(base, a.corpus, a.holdout, a.cache, learn=False)  # as add_head.py selected
    saved = [torch.load(p, map_location="cpu") for p in a.members]
    assert all(s["corpus"] == a.corpus for s in saved), [s["corpus"] for s in saved]
    heads = [Head.from_saved(s, S_dev[0].shape[1]) for s in saved]
    scores = {}
    for k in range(1, len(heads) + 1):
        for subset in itertools.combinations(range(len(heads)), k):
            m = heads[subset[0]] if k == 1 else HeadEnsemble([heads[i] for i in subset])
            f = score(base, m, S_dev, dev, fold)
            scores[subset] = f
            names = " + ".join(os.path.basename(a.members[i]) for i in subset)
            print(f"{names}: {sel} ALL {f['ALL']['f']} PER {f['PER']['f']} LOC {f['LOC']['f']} "
                  f"ORG {f['ORG']['f']}", flush=True)
    chosen = tuple(range(len(heads)))
    if a.take == "best":
        chosen = max((s for s in scores if len(s) > 1), key=lambda s: scores[s]["ALL"]["f"])
    ens = HeadEnsemble([heads[i] for i in chosen])
    res = {"corpus": a.corpus, "members": [a.members[i] for i in chosen], "selected_on": sel,
           "selection_f1": scores[chosen]["ALL"]["f"],
           "each": {os.path.basename(a.members[i]): scores[(i,)]["ALL"]["f"] for i in range(len(heads))}}
    torch.save({"corpus": a.corpus, "members": [saved[i] for i in chosen],
                "crf": {"transitions": ens.trans.detach().tolist(), "start": ens.start.detach().tolist(),
                        "end": ens.end.detach().tolist()}, "result": res}, a.out)
    json.dump(res, open(a.out + ".json", "w"), indent=1)
    print("wrote", a.out, res["selection_f1"])


if __name__ == "__main__":
    main()
