"""Draw the corpus lines that annotators label by ../shared/ANNOTATION.md for training (names only).

Usage: annotation_pool.py OUT_DIR --batches 6 --per-batch 400 [--seed 7] [--overlap 40]
Lines come from ../shared/data/corpus (xwlb_chinadata: CCTV transcripts 2012-2026; terminus2049: news archive
2018-2020), 15-160 characters, never from a range the evaluation set (eval/news/src) quotes (nor 200 lines either
side of it). Six in ten lines carry an organisation or company cue (…公司, …集团, …银行, …政府, …委员会, …开发区, …)
so the types the old model misses most are well represented; the rest are drawn at random. A later round drew
lines with a company cue only (--cue '(公司|集团|股份|银行|控股|证券|科技|汽车|电器|能源|时代|基金)' --cue-share 1): the corpus
is mostly broadcast and archive news, where companies are rare.
Each pool line is `ID<TAB>text`, ID = `<source>/<part>:<line number, 1-based>`. With --overlap N, the last batch
also gets N lines from every other batch (the double-annotated sample for the agreement figure).
The annotated files are turned into stand-off spans by annotations.py (the corpus text itself is never committed)."""
import argparse
import glob
import json
import lzma
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import REPO, SHARED, eval_corpus_ranges

CUE = re.compile(r"(公司|集团|股份|银行|控股|证券|保险|科技|汽车|政府|委员会|委|局|厅|部|办|协会|大学|医院|研究院|开发区|高新区|新区|园区|港|日报|社)")
SOURCES = {"xwlb_chinadata": 0.6, "terminus2049": 0.4}


def eval_ranges():
    return eval_corpus_ranges(margin=200)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--batches", type=int, default=6)
    ap.add_argument("--per-batch", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--overlap", type=int, default=40)
    ap.add_argument("--cue", default="", help="a regular expression replacing the default cue (e.g. company suffixes)")
    ap.add_argument("--cue-share", type=float, default=0.6, help="share of lines that must carry the cue")
    ap.add_argument("--skip", default="", help="pool files whose IDs must not be drawn again (comma-separated)")
    ap.add_argument("--sources", default="", help="source shares replacing the default, e.g. terminus2049=0.6,xwlb_chinadata=0.4")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    cue_re = re.compile(a.cue) if a.cue else CUE
    banned = eval_ranges()
    seen = set()
    for f in filter(None, a.skip.split(",")):
        with open(f, encoding="utf-8") as fh:
            if f.endswith(".jsonl"):  # an annotated batch (stand-off spans): its ids
                seen.update(json.loads(l)["id"] for l in fh if l.strip())
            else:
                seen.update(l.split("\t", 1)[0].strip() for l in fh)
    need = a.batches * a.per_batch
    drawn = []
    sources = {k: float(v) for k, v in (x.split("=") for x in a.sources.split(","))} if a.sources else SOURCES
    for src, share in sources.items():
        cue, plain = [], []
        for path in sorted(glob.glob(os.path.join(SHARED, "corpus", src, "part-*.txt.xz"))):
            part = os.path.basename(path).split(".")[0]
            bans = banned.get(f"{src}/{part}", [])
            with lzma.open(path, "rt", encoding="utf-8") as fh:
                for i, line in enumerate(fh, 1):
                    t = line.rstrip("\n")
                    if not 15 <= len(t) <= 160 or "\t" in t or "[[" in t or "|" in t:
                        continue
                    if any(lo <= i <= hi for lo, hi in bans):
                        continue
                    lid = f"{src}/{part}:{i}"
                    if lid in seen:
                        continue
                    (cue if cue_re.search(t) else plain).append((lid, t))
        n = round(need * share)
        k = round(n * a.cue_share)
        drawn += rng.sample(cue, min(k, len(cue))) + rng.sample(plain, min(n - k, len(plain)))
    rng.shuffle(drawn)
    os.makedirs(a.out, exist_ok=True)
    batches = [drawn[b * a.per_batch:(b + 1) * a.per_batch] for b in range(a.batches)]
    if a.overlap and a.batches > 1:
        extra = [x for b in batches[:-1] for x in b[:a.overlap]]
        batches[-1] = batches[-1][: a.per_batch - len(extra)] + extra
    for b, lines in enumerate(batches, 1):
        with open(os.path.join(a.out, f"pool-{b}.txt"), "w", encoding="utf-8") as fh:
            for lid, t in lines:
                fh.write(f"{lid}\t{t}\n")
        print(f"pool-{b}.txt: {len(lines)} lines")


if __name__ == "__main__":
    main()
