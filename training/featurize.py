"""Turn the prepared jsonl splits into id/feature arrays (npz) so the GPU jobs need no Python-side lexicon work."""
import glob
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, encode, lex_features, load_lexicon, load_vocab, read_jsonl, spans_to_allowed, spans_to_tags


def load_char_vocab(path):
    with open(path, encoding="utf-8") as f:
        items = f.read().split("\n")
    if items and items[-1] == "":
        items = items[:-1]
    return {w: i for i, w in enumerate(items)}


ONLY = tuple(filter(None, os.environ.get("NER_ONLY", "").split(",")))  # e.g. NER_ONLY=newsann: only those splits


def main():
    cv = load_char_vocab(os.path.join(BUILD, "vocab", "chars.txt"))
    bv = load_char_vocab(os.path.join(BUILD, "vocab", "bigrams.txt"))
    lex = load_lexicon(os.path.join(BUILD, "vocab", "lexicon.tsv.gz"))
    os.makedirs(os.path.join(BUILD, "feat"), exist_ok=True)
    for p in sorted(glob.glob(os.path.join(BUILD, "data", "*.jsonl.xz"))):
        name = os.path.basename(p)[: -len(".jsonl.xz")]
        if name.startswith("cluener_raw") or (ONLY and not name.startswith(ONLY)):
            continue
        recs = read_jsonl(p)
        C, B, L, T, A, off = [], [], [], [], [], [0]
        for r in recs:
            c, b = encode(r["text"], cv, bv)
            C += c
            B += b
            L += lex_features(r["text"], lex)
            T += spans_to_tags(len(r["text"]), r["spans"])
            A += spans_to_allowed(len(r["text"]), r["spans"])
            off.append(len(C))
        np.savez_compressed(os.path.join(BUILD, "feat", name + ".npz"), chars=np.array(C, np.int32),
                            bigrams=np.array(B, np.int32), lex=np.array(L, np.uint16), tags=np.array(T, np.int8),
                            allow=np.array(A, np.uint16),
                            offsets=np.array(off, np.int64))
        print(name, len(recs), len(C), "unk chars %.4f" % (np.mean(np.array(C) == 1)), "unk bigrams %.4f" % np.mean(np.array(B) == 1))


if __name__ == "__main__":
    main()
