"""Pack the best and last checks of several train.py runs small enough to come back from a device call, and unpack
them again.

  pack_runs.py pack BASE.pt RUNS_DIR OUT_DIR NAME...   -> OUT_DIR/ckpt-K.pt (<= 15 MiB each, <= 60 MiB in all),
                                                           OUT_DIR/summary.json (every run's dev checks)
  pack_runs.py unpack BASE.pt PACK_DIR RUNS_DIR        -> RUNS_DIR/NAME/{best,last}.pt (fp32, full state)

Every check is stored as fp16 weights, and the embedding tables only as the rows that differ from BASE.pt (the warm
start every run began from; runs with --freeze-emb store none). Checks are packed best first, by their newsann_dev
score, until the budget is spent; summary.json lists which came back."""
import glob
import json
import os
import sys

import torch

EMB = ("char_emb.weight", "bi_emb.weight")
FILE_BUDGET = 15 * 2 ** 20
TOTAL_BUDGET = 60 * 2 ** 20


def compact(state, base):
    out = {}
    for k, v in state.items():
        if k in EMB:
            changed = (v.float() != base[k].float()).any(1).nonzero().flatten()
            out[k] = {"rows": changed.to(torch.int32), "values": v[changed].half()}
        else:
            out[k] = v.half() if v.is_floating_point() else v
    return out


def size(obj):
    if torch.is_tensor(obj):
        return obj.numel() * obj.element_size()
    if isinstance(obj, dict):
        return sum(size(v) for v in obj.values())
    return 64


def pack(base_path, runs_dir, out_dir, names):
    base = torch.load(base_path, map_location="cpu")["state"]
    items, summary = [], {}
    for name in names:
        d = os.path.join(runs_dir, name)
        hist = []
        if os.path.exists(os.path.join(d, "log.txt")):
            for line in open(os.path.join(d, "log.txt"), encoding="utf-8"):
                if line.startswith("{"):
                    hist.append(json.loads(line))
        summary[name] = {"history": hist, "packed": []}
        res = os.path.join(d, "result.json")
        if os.path.exists(res):
            r = json.load(open(res))
            summary[name].update(best_epoch=r["best_epoch"], eval=r["eval"], args=r["args"])
        for kind in ("best", "last"):
            p = os.path.join(d, kind + ".pt")
            if not os.path.exists(p):
                continue
            ck = torch.load(p, map_location="cpu")
            chk = ck.get("check", {})
            if kind == "last" and any(n == name and o["check"].get("epoch") == chk.get("epoch")
                                      and o["check"].get("step") == chk.get("step") for _, n, _, o in items):
                continue  # the last check was the best one
            c = compact(ck["state"], base)
            items.append((ck.get("check", {}).get("sel", -1), name, kind, {"state": c, "config": ck["config"],
                                                                         "check": ck.get("check", {})}))
    items.sort(key=lambda x: -x[0])
    files, cur, cur_size, total = [], {}, 0, 0
    for sel, name, kind, obj in items:
        s = size(obj)
        if total + s > TOTAL_BUDGET:
            print("left out", name, kind, sel, round(s / 2 ** 20, 1), "MiB")
            continue
        if cur and cur_size + s > FILE_BUDGET:
            files.append(cur)
            cur, cur_size = {}, 0
        cur[f"{name}/{kind}"] = obj
        cur_size += s
        total += s
        summary[name]["packed"].append({"kind": kind, "sel": sel, "file": len(files)})
    if cur:
        files.append(cur)
    os.makedirs(out_dir, exist_ok=True)
    for i, f in enumerate(files):
        torch.save(f, os.path.join(out_dir, f"ckpt-{i}.pt"))
        print(f"ckpt-{i}.pt", sorted(f), round(os.path.getsize(os.path.join(out_dir, f"ckpt-{i}.pt")) / 2 ** 20, 1), "MiB")
    json.dump(summary, open(os.path.join(out_dir, "summary.json"), "w"), indent=1)


def unpack(base_path, pack_dir, runs_dir):
    base = torch.load(base_path, map_location="cpu")["state"]
    for p in sorted(glob.glob(os.path.join(pack_dir, "ckpt-*.pt"))):
        for key, obj in torch.load(p, map_location="cpu").items():
            state = {}
            for k, v in obj["state"].items():
                if k in EMB:
                    t = base[k].clone().float()
                    t[v["rows"].long()] = v["values"].float()
                    state[k] = t
                else:
                    state[k] = v.float() if v.is_floating_point() else v
            name, kind = key.split("/")
            os.makedirs(os.path.join(runs_dir, name), exist_ok=True)
            torch.save({"state": state, "config": obj["config"], "check": obj["check"]},
                       os.path.join(runs_dir, name, kind + ".pt"))
            print(key, obj["check"].get("sel"), obj["check"].get("epoch"), obj["check"].get("step"))


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "pack":
        pack(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif len(sys.argv) == 5 and sys.argv[1] == "unpack":
        unpack(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)
