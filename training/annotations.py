"""Contract-conventional training annotations (names only) of corpus lines, kept as stand-off spans.

  annotations.py check BATCH.txt POOL.txt      every line of an annotated batch against its pool: the text with the
                                               marks removed equals the corpus line, marks well-formed, types known
  annotations.py build BATCH.txt OUT.jsonl     stand-off records {"id", "sha1", "spans": [[start, end, TYPE]]}
                                               (offsets into the corpus line, TYPE in PERSON/LOCATION/ORG/COMPANY)
  annotations.py agree A.jsonl B.jsonl         strict span+type agreement (F1) on the lines both annotated
  annotations.py dump OUT.jsonl                every annotated line with its text, in the NER corpora's record
                                               format ({"id","text","entities":[{start,end,type,text}]}) for
                                               scripts/mine-labelled-names.ts --newsann (a temporary file: the text
                                               is the corpus's and is never committed)

An annotated batch has one line per pool line: `ID<TAB>text with [[surface|TYPE]] marks`, by ../shared/ANNOTATION.md.
The corpus text is never committed: load() reads it from ../shared/data/corpus and checks its sha1."""
import hashlib
import json
import lzma
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import REPO, SHARED

TYPES = {"PERSON", "LOCATION", "ORG", "COMPANY"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)\]\]")


def strip(marked):
    """(plain text, spans) of a marked line; raises ValueError on a malformed mark."""
    out, spans, pos = [], [], 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        start = sum(len(x) for x in out)
        surface, ty = m[1], m[2]
        if ty not in TYPES:
            raise ValueError(f"unknown type {ty!r} in {m[0]!r}")
        if surface != surface.strip() or not surface:
            raise ValueError(f"surface with edge spaces in {m[0]!r}")
        out.append(surface)
        spans.append([start, start + len(surface), ty])
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError("unbalanced [[ or ]]")
    return text, spans


def read_batch(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            if "\t" not in line:
                raise ValueError(f"{path}:{n}: no TAB after the id")
            lid, marked = line.split("\t", 1)
            try:
                text, spans = strip(marked)
            except ValueError as e:
                raise ValueError(f"{path}:{n}: {e}") from None
            rows.append((lid, text, spans))
    return rows


def read_pool(path):
    with open(path, encoding="utf-8") as f:
        return dict(l.rstrip("\n").split("\t", 1) for l in f if l.strip())


def sha1(t):
    return hashlib.sha1(t.encode("utf-8")).hexdigest()[:12]


def check(batch, pool):
    rows, ref = read_batch(batch), read_pool(pool)
    bad = 0
    for lid, text, _ in rows:
        if lid not in ref:
            print(f"{lid}: not in the pool"); bad += 1
        elif ref[lid] != text:
            a = ref[lid]
            k = next((i for i in range(min(len(a), len(text))) if a[i] != text[i]), min(len(a), len(text)))
            print(f"{lid}: text differs from the corpus line at {k}: corpus {a[k:k+12]!r} vs batch {text[k:k+12]!r}"); bad += 1
    missing = set(ref) - {r[0] for r in rows}
    n = sum(len(r[2]) for r in rows)
    print(f"{len(rows)} lines, {n} mentions, {len(missing)} pool lines not yet annotated, {bad} problems")
    return bad


def build(batch, out):
    with open(out, "w", encoding="utf-8") as f:
        for lid, text, spans in read_batch(batch):
            f.write(json.dumps({"id": lid, "sha1": sha1(text), "spans": spans}, ensure_ascii=False) + "\n")


_parts = {}


def corpus_line(lid):
    src, rest = lid.split("/", 1)
    part, line = rest.split(":")
    key = (src, part)
    if key not in _parts:
        with lzma.open(os.path.join(SHARED, "corpus", src, part + ".txt.xz"), "rt", encoding="utf-8") as f:
            _parts[key] = f.read().split("\n")
    return _parts[key][int(line) - 1]


def load(folder=os.path.join(REPO, "training", "annotations")):
    """[{"id","text","spans"}] for every committed annotation file (text read from the corpus, sha1-checked);
    where a line was annotated twice (the agreement sample) the first file's annotation is used."""
    recs, seen = [], set()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r["id"] in seen:
                    continue
                text = corpus_line(r["id"])
                if sha1(text) != r["sha1"]:
                    raise ValueError(f"{name}: {r['id']} no longer matches the corpus")
                seen.add(r["id"])
                recs.append({"id": "news:" + r["id"], "text": text, "spans": r["spans"]})
    return recs


def agree(a, b):
    def rd(p):
        with open(p, encoding="utf-8") as f:
            return {r["id"]: {tuple(s) for s in r["spans"]} for r in map(json.loads, f)}
    A, B = rd(a), rd(b)
    both = set(A) & set(B)
    tp = sum(len(A[i] & B[i]) for i in both)
    na, nb = sum(len(A[i]) for i in both), sum(len(B[i]) for i in both)
    f = 2 * tp / (na + nb) if na + nb else 0
    print(f"{len(both)} lines annotated twice: {na} vs {nb} mentions, {tp} identical; agreement F1 {100 * f:.2f}")
    by = {}
    for t in TYPES:
        tpt = sum(len({s for s in A[i] & B[i] if s[2] == t}) for i in both)
        nat = sum(len({s for s in A[i] if s[2] == t}) for i in both)
        nbt = sum(len({s for s in B[i] if s[2] == t}) for i in both)
        by[t] = round(200 * tpt / (nat + nbt), 2) if nat + nbt else None
    print(by)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "check":
        sys.exit(1 if check(sys.argv[2], sys.argv[3]) else 0)
    elif cmd == "build":
        build(sys.argv[2], sys.argv[3])
    elif cmd == "agree":
        agree(sys.argv[2], sys.argv[3])
    elif cmd == "dump":
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            for r in load():
                ents = [{"start": a, "end": b, "type": t, "text": r["text"][a:b]} for a, b, t in r["spans"]]
                f.write(json.dumps({"id": r["id"], "text": r["text"], "entities": ents}, ensure_ascii=False) + "\n")
