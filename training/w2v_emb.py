"""Char and char-bigram embeddings with gensim's skip-gram word2vec (C code, all cores) on the whole unlabelled
corpus plus the texts of the NER training splits: a CPU replacement for pretrain_emb.py (which needs a GPU to get
through the corpus). The char table (dim 100) and the right-bigram table (dim 50) come out aligned to the model's
vocabularies ($NER_BUILD/vocab/{chars,bigrams}.txt) and rescaled like pretrain_emb.py (std 0.3, pad row zero).
Bigram tokens are overlapping pairs, the last char of a line paired with the boundary mark (vocab row 2).
Usage: w2v_emb.py CORPUS_DIR OUT.npz [--epochs 5] [--workers N]"""
import argparse
import glob
import lzma
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, norm_text, read_jsonl

BOUNDARY = "\u2402"  # stands for the end-of-line bigram partner in the token files


def lines(corpus):
    for p in sorted(glob.glob(os.path.join(corpus, "*", "part-*.txt.xz"))):
        with lzma.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                s = norm_text(line.strip())
                if s:
                    yield s
    for name in ("msra_train", "pku_train", "cluener_train", "weibo_train", "resume_train"):
        p = os.path.join(BUILD, "data", name + ".jsonl.xz")
        if os.path.exists(p):
            for r in read_jsonl(p):
                if r["text"]:
                    yield r["text"]


def write_tokens(corpus, char_path, bi_path):
    n = 0
    with open(char_path, "w", encoding="utf-8") as fc, open(bi_path, "w", encoding="utf-8") as fb:
        for s in lines(corpus):
            s = s.replace(" ", "")
            if not s:
                continue
            fc.write(" ".join(s) + "\n")
            fb.write(" ".join(s[i:i + 2] for i in range(len(s) - 1)) + " " + s[-1] + BOUNDARY + "\n")
            n += len(s)
    return n


def train(path, dim, epochs, workers):
    from gensim.models import Word2Vec
    t0 = time.time()
    m = Word2Vec(corpus_file=path, vector_size=dim, window=5, sg=1, negative=5, sample=1e-4, min_count=3,
                 epochs=epochs, workers=workers, seed=13)
    print(f"{os.path.basename(path)}: {len(m.wv)} tokens x {dim}, {time.time() - t0:.0f}s", flush=True)
    return m.wv


def table(wv, vocab, dim, key, rng):
    out = rng.normal(0, 1, (len(vocab), dim)).astype(np.float32)
    hit = np.zeros(len(vocab), bool)
    for i, tok in enumerate(vocab):
        if i < 3:
            continue
        k = key(tok)
        if k in wv.key_to_index:
            out[i] = wv[k]
            hit[i] = True
    known = out[3:][hit[3:]]
    out[~hit] = out[~hit] / out[~hit].std() * known.std()  # unknown rows: random at the same scale
    out[1] = known.mean(0)  # unk = mean vector
    out = out / out[3:].std() * 0.3
    out[0] = 0
    print(f"{hit[3:].sum()} / {len(vocab) - 3} vocabulary rows have a vector", flush=True)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        sys.exit(f"ERROR: corpus folder {a.corpus} not found (../shared/data/corpus is required)")
    work = os.path.join(BUILD, "w2v")
    os.makedirs(work, exist_ok=True)
    cp, bp = os.path.join(work, "chars.tok"), os.path.join(work, "bigrams.tok")
    t0 = time.time()
    n = write_tokens(a.corpus, cp, bp)
    print(f"token files: {n} chars, {time.time() - t0:.0f}s", flush=True)
    chars = open(os.path.join(BUILD, "vocab", "chars.txt"), encoding="utf-8").read().split("\n")[:-1]
    bigrams = open(os.path.join(BUILD, "vocab", "bigrams.txt"), encoding="utf-8").read().split("\n")[:-1]
    rng = np.random.default_rng(13)
    wc = table(train(cp, 100, a.epochs, a.workers), chars, 100, lambda t: t, rng)
    wb = table(train(bp, 50, a.epochs, a.workers), bigrams, 50, lambda t: t if len(t) == 2 else t + BOUNDARY, rng)
    np.savez(a.out, char=wc, bigram=wb)
    cv = {ch: i for i, ch in enumerate(chars)}
    wn = wc / np.maximum(np.linalg.norm(wc, axis=1, keepdims=True), 1e-9)
    for ch in ["京", "张", "省", "司"]:
        if ch in cv:
            print(ch, "".join(chars[i] for i in np.argsort(-(wn @ wn[cv[ch]]))[:8]), flush=True)
    print(f"wrote {a.out} in {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
