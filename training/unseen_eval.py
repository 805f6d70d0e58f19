"""Dev F1 split by whether an entity's surface form was seen as an entity in training: the random MSRA dev carve
shares most of its entities with MSRA train, so its overall F1 says little about names a model has never seen
(which is what the MSRA test set and real news are full of). Usage: unseen_eval.py MODEL.pt [MODEL.pt ...]
Prints, per model and dev split, overall F1 and F1 on the unseen part (gold and predicted mentions whose text
is not a training entity of that type)."""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train
from common import BUILD, read_jsonl
from model import load_checkpoint


def train_entities(name="msra_train"):
    seen = set()
    for r in read_jsonl(os.path.join(BUILD, "data", name + ".jsonl.xz")):
        for s, e, t in r["spans"]:
            seen.add((r["text"][s:e], "ORG" if t == "COMPANY" else t))
    return seen


def main():
    torch.set_num_threads(int(os.environ.get("TORCH_THREADS", 1)))
    seen = train_entities()
    for path in sys.argv[1:]:
        m, c = load_checkpoint(path)
        train.SOFTLEX = bool(c.get("softlex_dim", 0))
        for split in ("msra_dev", "pku_dev"):
            recs = train.load_split(split)
            texts = [r["text"] for r in read_jsonl(os.path.join(BUILD, "data", split + ".jsonl.xz")) if r["text"]]
            assert len(texts) == len(recs)
            gold, pred = train.gold_and_predicted(m, recs, "cpu")
            unseen = lambda ms: [x for x in ms if (texts[x[0]][x[1]:x[2]], x[3]) not in seen]
            fa = train.prf(gold, pred)["ALL"]
            fu = train.prf(unseen(gold), unseen(pred))["ALL"]
            print(f"{path} {split}: all {fa['f']} (n {fa['n']}) | unseen {fu['f']} (n {fu['n']})", flush=True)


if __name__ == "__main__":
    main()
