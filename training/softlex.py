"""SoftLexicon features (Ma et al. 2020, "Simplify the Usage of Lexicon in Chinese NER"), frozen word vectors.

For each character, every lexicon word (with a vector) that covers it falls in one of four sets: B (the word
starts there), M (inside), E (ends there), S (the single-character word). Each set becomes the count-weighted
mean of its words' vectors (zero when empty); the four means are concatenated: 4 x dim floats per character.
Counts are the word's token counts in the jieba-segmented corpus (so a word inside a longer word does not count).
Vectors are int8 with one float scale per row; training and the service (features.ts) use the same dequantised values.

Files (written by `softlex.py build WV.npz OUT_DIR`, read by both sides):
  softlex.tsv.gz  "word\\tcount" per line, row order of the vectors
  softlex.bin     uint32 rows, uint32 dim, float32 scale[rows], int8 vectors[rows*dim] (little-endian)
"""
import gzip
import os
import struct
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import MAX_WORD


class SoftLexicon:
    def __init__(self, words, counts, q, scale):
        self.index = {w: i for i, w in enumerate(words)}
        self.counts = counts.astype(np.float64)
        self.vectors = q.astype(np.float32) * scale[:, None]
        self.dim = q.shape[1]

    @classmethod
    def load(cls, d):
        words, counts = [], []
        with gzip.open(os.path.join(d, "softlex.tsv.gz"), "rt", encoding="utf-8") as f:
            for line in f:
                w, c = line.rstrip("\n").split("\t")
                words.append(w)
                counts.append(int(c))
        raw = open(os.path.join(d, "softlex.bin"), "rb").read()
        rows, dim = struct.unpack_from("<II", raw, 0)
        scale = np.frombuffer(raw, np.float32, rows, 8)
        q = np.frombuffer(raw, np.int8, rows * dim, 8 + 4 * rows).reshape(rows, dim)
        return cls(words, np.array(counts), q, scale)

    def features(self, text):
        """normalised text -> float32 [len(text), 4*dim] (set order B, M, E, S)."""
        n, D = len(text), self.dim
        acc = np.zeros((n, 4, D), np.float64)
        tot = np.zeros((n, 4), np.float64)
        for s in range(n):
            for L in range(1, min(MAX_WORD, n - s) + 1):
                i = self.index.get(text[s:s + L])
                if i is None:
                    continue
                z, v = self.counts[i], self.vectors[i]
                if L == 1:
                    acc[s, 3] += z * v
                    tot[s, 3] += z
                else:
                    acc[s, 0] += z * v
                    tot[s, 0] += z
                    acc[s + L - 1, 2] += z * v
                    tot[s + L - 1, 2] += z
                    for k in range(s + 1, s + L - 1):
                        acc[k, 1] += z * v
                        tot[k, 1] += z
        out = acc / np.maximum(tot, 1e-9)[:, :, None]
        return out.reshape(n, 4 * D).astype(np.float32)


def build(wv_path, out_dir):
    z = np.load(wv_path)
    words, vec, counts = list(z["words"]), z["vectors"], z["counts"]
    scale = np.abs(vec).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(vec / scale[:, None]), -127, 127).astype(np.int8)
    os.makedirs(out_dir, exist_ok=True)
    with gzip.open(os.path.join(out_dir, "softlex.tsv.gz"), "wt", encoding="utf-8", compresslevel=9) as f:
        for w, c in zip(words, counts):
            f.write(f"{w}\t{int(c)}\n")
    with open(os.path.join(out_dir, "softlex.bin"), "wb") as f:
        f.write(struct.pack("<II", len(words), vec.shape[1]))
        f.write(scale.astype("<f4").tobytes())
        f.write(q.tobytes())
    print(f"softlex: {len(words)} words x {vec.shape[1]} -> {out_dir}")



def featurize_split(sl, texts):
    """Vectorised softlex features for many normalised texts: float16 [sum(len), 4*dim], rows in text order."""
    import scipy.sparse as sp
    rows, cols, vals = [], [], []
    base = 0
    for text in texts:
        n = len(text)
        for s in range(n):
            for L in range(1, min(MAX_WORD, n - s) + 1):
                i = sl.index.get(text[s:s + L])
                if i is None:
                    continue
                z = sl.counts[i]
                if L == 1:
                    rows.append((base + s) * 4 + 3); cols.append(i); vals.append(z)
                else:
                    rows.append((base + s) * 4); cols.append(i); vals.append(z)
                    rows.append((base + s + L - 1) * 4 + 2); cols.append(i); vals.append(z)
                    for k in range(s + 1, s + L - 1):
                        rows.append((base + k) * 4 + 1); cols.append(i); vals.append(z)
        base += n
    rows, cols, vals = np.array(rows, np.int64), np.array(cols, np.int64), np.array(vals, np.float64)
    tot = np.bincount(rows, weights=vals, minlength=base * 4)
    vals = vals / tot[rows]
    W = sp.csr_matrix((vals, (rows, cols)), shape=(base * 4, len(sl.counts)))
    out = np.empty((base * 4, sl.dim), np.float16)
    V = sl.vectors.astype(np.float64)
    step = 400000
    for a in range(0, base * 4, step):
        out[a:a + step] = (W[a:a + step] @ V).astype(np.float16)
    return out.reshape(base, 4 * sl.dim)


def featurize_all(sl_dir):
    """$NER_BUILD/feat/NAME.softlex.npy for every split featurize.py wrote (same char order)."""
    import glob
    from common import BUILD, read_jsonl
    sl = SoftLexicon.load(sl_dir)
    for p in sorted(glob.glob(os.path.join(BUILD, "data", "*.jsonl.xz"))):
        name = os.path.basename(p)[: -len(".jsonl.xz")]
        only = tuple(filter(None, os.environ.get("NER_ONLY", "").split(",")))
        if name.startswith("cluener_raw") or (only and not name.startswith(only)):
            continue
        texts = [r["text"] for r in read_jsonl(p)]
        f = featurize_split(sl, texts)
        np.save(os.path.join(BUILD, "feat", name + ".softlex.npy"), f)
        print(name, f.shape, flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "featurize":
        featurize_all(sys.argv[2])
    else:
        sys.stderr.write("usage: softlex.py build WV.npz OUT_DIR | softlex.py featurize OUT_DIR\n")
        sys.exit(2)
