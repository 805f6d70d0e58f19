"""Word vectors for the SoftLexicon features: skip-gram word2vec (gensim) on the jieba-segmented corpus
(training/segment_corpus.mjs). Keeps the vectors of lexicon words only (lexicon.tsv.gz), with their corpus counts.
Usage: word_vectors.py SEGMENTED.txt OUT.npz [--dim 50] [--epochs 3] [--min-count 3]"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, load_lexicon


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("segmented")
    ap.add_argument("out")
    ap.add_argument("--dim", type=int, default=50)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence
    t0 = time.time()
    w2v = Word2Vec(LineSentence(a.segmented), vector_size=a.dim, window=5, sg=1, negative=5, sample=1e-4,
                   min_count=a.min_count, epochs=a.epochs, workers=a.workers, seed=13)
    print(f"word2vec: {len(w2v.wv)} words, {time.time() - t0:.0f}s", flush=True)
    lex = load_lexicon(os.path.join(BUILD, "vocab", "lexicon.tsv.gz"))
    words = [w for w in w2v.wv.index_to_key if w in lex]
    vec = np.stack([w2v.wv[w] for w in words]).astype(np.float32)
    counts = np.array([w2v.wv.get_vecattr(w, "count") for w in words], np.int64)
    np.savez_compressed(a.out, words=np.array(words), vectors=vec, counts=counts)
    print(f"kept {len(words)} lexicon words of {len(lex)}", flush=True)


if __name__ == "__main__":
    main()
