"""Shared helpers: data loading, label mapping, normalisation, lexicon features.

Everything here must stay in sync with src/pipeline/recognise/model/features.ts.
"""
import gzip
import json
import lzma
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("NER_SHARED_DATA", os.path.join(REPO, "..", "shared", "data"))
BUILD = os.environ.get("NER_BUILD", os.path.join(REPO, ".device"))

TYPES = ["PER", "LOC", "ORG", "COMPANY"]
# one label set for every corpus (0.3.0); the first seven are the tags of the MSRA-only models up to 0.2.0, so a
# warm start copies their rows and starts COMPANY from ORG (train.py --init)
TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-COMPANY", "I-COMPANY"]
TAG2ID = {t: i for i, t in enumerate(TAGS)}
NT = len(TAGS)
ALL_TAGS = (1 << NT) - 1
# Partial labels: a span's type may be a set of types ("ORG/COMPANY": the corpus cannot tell them apart),
# "LOC/O" (any segmentation of the span into places, or nothing: CLUENER addresses and scenes), or "?" (the corpus
# says nothing about these characters: every tag allowed). The CRF's likelihood sums over every tag sequence
# compatible with the per-character allowed sets (training/model.py Tagger.nll).
MAX_WORD = 8
LEX_DIM = 16  # 4 positions (B, M, E, S) x 4 categories (any, nr, ns, nt)
PAD, UNK, BOUNDARY = 0, 1, 2


def require_shared():
    ner = os.path.join(SHARED, "ner")
    if not os.path.isdir(ner):
        sys.stderr.write(
            f"ERROR: shared data not found at {ner}.\n"
            "Set NER_SHARED_DATA to the folder holding ner/ and corpus/ (default ../shared/data).\n")
        sys.exit(2)
    return SHARED


def eval_corpus_ranges(margin=0):
    """{"<source>/<part>": [(first, last)]}: the corpus line ranges the evaluation set (eval/news/src) quotes,
    widened by `margin` lines either side. Training data must never come from them."""
    import glob
    import re
    out = {}
    for f in glob.glob(os.path.join(REPO, "eval/news/src/*/*.txt")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                m = re.match(r"source: shared/data/corpus (\S+) (part-\d+) lines (\d+)-(\d+)", line)
                if m:
                    out.setdefault(f"{m[1]}/{m[2]}", []).append((int(m[3]) - margin, int(m[4]) + margin))
                if line.startswith("---"):
                    break
    return out


def in_eval_range(corpus_id, ranges):
    """Whether a corpus line id (`<source>/<part>:<line>`) lies in one of `ranges` (eval_corpus_ranges)."""
    key, _, n = corpus_id.rpartition(":")
    return any(a <= int(n) <= b for a, b in ranges.get(key, ()))


def norm_char(c: str) -> str:
    """1:1 character normalisation (offset-preserving): full-width ASCII -> half-width, lower-case latin."""
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        c = chr(o - 0xFEE0)
    elif o == 0x3000:
        c = " "
    if "A" <= c <= "Z":
        c = c.lower()
    return c


def norm_text(s: str) -> str:
    return "".join(norm_char(c) for c in s)


def read_jsonl(path):
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def write_jsonl(path, recs):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    opener = lzma.open if path.endswith(".xz") else open
    with opener(path, "wt", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- lexicon
def lexicon_from_jieba(path):
    """word -> bit flags (1 = any, 2 = nr/nrt/nrfg, 4 = ns, 8 = nt), words normalised, len <= MAX_WORD."""
    lex = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split(" ")
            if len(parts) < 1 or not parts[0]:
                continue
            w = norm_text(parts[0])
            if len(w) > MAX_WORD:
                continue
            pos = parts[2] if len(parts) > 2 else ""
            flag = 1
            if pos.startswith("nr"):
                flag |= 2
            elif pos == "ns":
                flag |= 4
            elif pos == "nt":
                flag |= 8
            lex[w] = lex.get(w, 0) | flag
    return lex


def save_lexicon(lex, path):
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        for w in sorted(lex):
            f.write(f"{w}\t{lex[w]}\n")


def load_lexicon(path):
    lex = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            w, fl = line.rstrip("\n").split("\t")
            lex[w] = int(fl)
    return lex


def lex_features(text, lex):
    """text must already be normalised. Returns list of int bitmasks (16 bits) per char.
    bit = pos*4 + cat, pos: 0=B 1=M 2=E 3=S; cat: 0=any 1=nr 2=ns 3=nt."""
    n = len(text)
    out = [0] * n
    for s in range(n):
        for L in range(1, min(MAX_WORD, n - s) + 1):
            fl = lex.get(text[s:s + L])
            if fl is None:
                continue
            cats = [c for c in range(4) if fl & (1 << c)]
            if L == 1:
                for c in cats:
                    out[s] |= 1 << (12 + c)
            else:
                for c in cats:
                    out[s] |= 1 << c
                    out[s + L - 1] |= 1 << (8 + c)
                    for k in range(s + 1, s + L - 1):
                        out[k] |= 1 << (4 + c)
    return out


# ---------------------------------------------------------------- vocab / ids
def load_vocab(path):
    with open(path, encoding="utf-8") as f:
        items = [l.rstrip("\n") for l in f]
    return {w: i for i, w in enumerate(items)}


def encode(text, cvocab, bvocab):
    """normalised text -> (char ids, right-bigram ids). bigram i = text[i:i+2]; last = BOUNDARY."""
    c = [cvocab.get(ch, UNK) for ch in text]
    b = [bvocab.get(text[i:i + 2], UNK) for i in range(len(text) - 1)] + [BOUNDARY]
    return c, b


def spans_to_allowed(n, spans):
    """Per character, a bitmask of the tags the corpus allows there (bit i = TAGS[i]); plain spans allow one tag."""
    allow = [1] * n  # O
    for s, e, t in spans:
        if any(allow[k] != 1 for k in range(s, e)):
            continue  # overlapping span: keep the first
        if t == "?":
            for k in range(s, e):
                allow[k] = ALL_TAGS
            continue
        if t.endswith("/O"):  # any segmentation of the span into spans of these types, or O
            tys = t[:-2].split("/")
            for k in range(s, e):
                m = 1
                for ty in tys:
                    m |= 1 << TAG2ID["B-" + ty]
                    if k > s:
                        m |= 1 << TAG2ID["I-" + ty]
                allow[k] = m
            continue
        tys = t.split("/")
        allow[s] = sum(1 << TAG2ID["B-" + ty] for ty in tys)
        for k in range(s + 1, e):
            allow[k] = sum(1 << TAG2ID["I-" + ty] for ty in tys)
    return allow


def spans_to_tags(n, spans):
    """One gold tag per character (for scoring): the first type of a set, O for "?" and "…/O" spans."""
    tags = [0] * n
    for s, e, t in spans:
        if t == "?" or t.endswith("/O"):
            continue
        t = t.split("/")[0]
        if any(tags[k] != 0 for k in range(s, e)):
            continue  # overlapping span: keep the first
        tags[s] = TAG2ID["B-" + t]
        for k in range(s + 1, e):
            tags[k] = TAG2ID["I-" + t]
    return tags


def tags_to_spans(tags):
    spans, cur = [], None
    for i, t in enumerate(list(tags) + [0]):
        name = TAGS[t]
        if name == "O" or name.startswith("B-") or (cur and name[2:] != cur[2]):
            if cur:
                spans.append((cur[0], i, cur[2]))
                cur = None
        if name.startswith("B-") or (name.startswith("I-") and cur is None):
            cur = [i, None, name[2:]]
    return spans
