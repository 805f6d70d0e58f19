"""Data preparation: label mapping, dev splits, leakage filtering, vocabularies, lexicon.

Outputs (to $NER_BUILD, default <repo>/.device, git-ignored):
  data/<name>.jsonl.xz   records {"id","text","spans":[[s,e,TYPE]]}, TYPE in PER/LOC/ORG/COMPANY, text normalised
  vocab/chars.txt, vocab/bigrams.txt, vocab/lexicon.tsv.gz, splits.json (counts + leakage report)
"""
import collections
import glob
import lzma
import os
import random
import re
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (eval_corpus_ranges, in_eval_range, BUILD, MAX_WORD, REPO, lexicon_from_jieba, norm_text, read_jsonl, require_shared,
                    save_lexicon, write_jsonl)

SH = require_shared()
NER = os.path.join(SH, "ner")
CORPUS = os.path.join(SH, "corpus")
random.seed(13)

SENT_SPLIT = re.compile(r"(?<=[。！？!?；;])")


def mapped(recs, fn):
    out = []
    for r in recs:
        spans = []
        drop = False
        for e in r["entities"]:
            m = fn(e)
            if m == "DROP_SENTENCE":
                drop = True
                break
            if m is None:
                continue
            s, en, t = m
            spans.append([s, en, t])
        if drop:
            continue
        out.append({"id": r["id"], "text": norm_text(r["text"]), "spans": spans})
    return out


# ---- one label set, a mapping per corpus (models/MODEL_CARD.md "Label mapping"). "A/B" = the corpus cannot tell
# A from B (partial label), "LOC/O" = any segmentation into places or nothing, "?" = the corpus says nothing here.
def m_msra(e):
    # MSRA / People's Daily `nt` covers companies and every other organisation alike
    return {"nr": (e["start"], e["end"], "PER"), "ns": (e["start"], e["end"], "LOC"),
            "nt": (e["start"], e["end"], "ORG/COMPANY")}.get(e["type"])


m_pku = m_msra


def m_cluener(e):
    t, s, en = e["type"], e["start"], e["end"]
    if t == "name":
        return (s, en, "PER")
    if t == "company":
        return (s, en, "COMPANY")
    if t in ("government", "organization"):
        return (s, en, "ORG")
    if t in ("address", "scene"):
        # addresses are whole street addresses (the contract tags their places one by one), scenes are venues
        # and sights (LOCATION by the contract when named): any segmentation into places, or nothing
        return (s, en, "LOC/O")
    if t in ("book", "game", "movie"):
        return (s, en, "?")  # titles: the contract tags the names inside them, CLUENER does not say which
    return None  # position (titles of people): O by the contract too


def m_weibo(e):
    t = e["type"]
    if t == "PER.NAM":
        return (e["start"], e["end"], "PER")
    if t in ("LOC.NAM", "GPE.NAM"):
        return (e["start"], e["end"], "LOC")
    if t == "ORG.NAM":
        return (e["start"], e["end"], "ORG/COMPANY")
    return None  # nominal mentions (…NOM): not names, O by the contract as well


def m_resume(e):
    t = e["type"]
    if t == "NAME":
        return (e["start"], e["end"], "PER")
    if t == "ORG":
        return (e["start"], e["end"], "ORG/COMPANY")  # employers: mostly companies, also schools and bodies
    if t == "LOC":
        return (e["start"], e["end"], "LOC")
    if t == "CONT":
        s, en = e["start"], e["end"]
        if e["text"].endswith("国籍"):
            en -= 2
        if en - s < 1:
            return None
        return (s, en, "LOC")
    return None  # TITLE, EDU, PRO, RACE: not names


# MSRA / People's Daily conventions that the contract overrules: `中国政府` is a LOCATION plus nothing there and one
# ORG by the contract; `亚太` + `地区`, a city + `经济开发区` likewise. These characters are left free ("?") so the
# corpus neither teaches its own convention nor contradicts the contract-conventional data.
RELAX_AFTER_LOC = re.compile(r"(人民政府|政府|市委|省委|县委|区委|州委|党委|党工委|管委会|地区|经济技术开发区|经济开发区|"
                             r"高新技术产业开发区|高新区|经开区|开发区|工业园区|自贸区|新区)")


def relax(rec):
    text, spans = rec["text"], rec["spans"]
    starts = {s for s, _, _ in spans}
    out = []
    for s, e, t in spans:
        m = RELAX_AFTER_LOC.match(text, e) if t == "LOC" else None
        if m and not any(s2 < m.end() and e2 > e for s2, e2, _ in spans if (s2, e2) != (s, e)):
            out.append([s, m.end(), "?"])
        else:
            out.append([s, e, t])
    rec["spans"] = out
    return rec


def news_annotations():
    """The contract-conventional annotations of corpus lines (training/annotations/, names only): train and a
    held-out dev part (one line in eight, by a hash of its id) for checkpoint selection. Lines that an article of
    the evaluation set quotes are left out (its articles drawn from the corpus after a pool was annotated can
    overlap it)."""
    import hashlib
    from annotations import load
    banned = eval_corpus_ranges()
    name = {"PERSON": "PER", "LOCATION": "LOC", "ORG": "ORG", "COMPANY": "COMPANY"}
    train, dev = [], []
    for r in load():
        if in_eval_range(r["id"][len("news:"):], banned):
            continue
        rec = {"id": r["id"], "text": norm_text(r["text"]), "spans": [[s, e, name[t]] for s, e, t in r["spans"]]}
        (dev if int(hashlib.sha1(r["id"].encode()).hexdigest(), 16) % 8 == 0 else train).append(rec)
    return train, dev


def sentences(text):
    return [s for s in SENT_SPLIT.split(text) if len(s) >= 6]


def split_long(rec, maxlen=160):
    """Split a training record at sentence punctuation (never inside an entity) into pieces <= maxlen-ish."""
    text, spans = rec["text"], rec["spans"]
    if len(text) <= maxlen:
        return [rec]
    inside = [False] * (len(text) + 1)
    for s, e, _ in spans:
        for k in range(s + 1, e):
            inside[k] = True
    cuts = [0]
    last = 0
    for m in re.finditer(r"[。！？!?；;，,]", text):
        p = m.end()
        if inside[p]:
            continue
        if p - last >= 40 and (text[m.start()] in "。！？!?；;" or p - last >= maxlen):
            cuts.append(p)
            last = p
    if cuts[-1] != len(text):
        cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if b <= a:
            continue
        sp = [[s - a, e - a, t] for s, e, t in spans if s >= a and e <= b]
        out.append({"id": f"{rec['id']}@{a}", "text": text[a:b], "spans": sp})
    return out


def service_coordinates(subdir, prefix):
    """Records written in the service's own coordinates by a script (`{"id","text","spans":[[s,e,TYPE]]}` with TYPE in
    PERSON/LOCATION/ORG/COMPANY), if they have been made: $NER_BUILD/<subdir>/<subdir>.jsonl."""
    path = os.path.join(BUILD, subdir, f"{subdir}.jsonl")
    if not os.path.exists(path):
        return []
    name = {"PERSON": "PER", "LOCATION": "LOC", "ORG": "ORG", "COMPANY": "COMPANY"}
    return [{"id": prefix + r["id"], "text": norm_text(r["text"]), "spans": [[s, e, name[t]] for s, e, t in r["spans"]]}
            for r in read_jsonl(path)]


def silver():
    """Self-training data: corpus lines labelled by the service (scripts/silver.ts)."""
    return service_coordinates("silver", "silver:")


def newsart():
    """Evaluation-set articles given to training (scripts/news-train.ts: the service's normalised, simplified text, one
    record per sentence, code-point offsets)."""
    return service_coordinates("newsart", "newsart:")


def main():
    out = {}
    only = os.environ.get("NER_ONLY")
    # new annotation batches, silver data or the evaluation set's train articles: rebuild only their splits
    only_splits = {
        "newsann": lambda: dict(zip(("newsann_train", "newsann_dev"), news_annotations())),
        "silver": lambda: {"silver_train": [p for r in silver() for p in split_long(r)]},
        "newsart": lambda: {"newsart_train": [p for r in newsart() for p in split_long(r)]},
    }
    if only in only_splits:
        for name, recs in only_splits[only]().items():
            write_jsonl(os.path.join(BUILD, "data", f"{name}.jsonl.xz"), recs)
            print(name, len(recs), sum(len(r["spans"]) for r in recs))
        return
    msra_train = mapped(read_jsonl(f"{NER}/msra/train.jsonl"), m_msra)
    msra_test = mapped(read_jsonl(f"{NER}/msra/test.jsonl"), m_msra)
    idx = list(range(len(msra_train)))
    random.shuffle(idx)
    ndev = len(idx) // 20
    dev_ids = set(idx[:ndev])
    out["msra_dev"] = [r for i, r in enumerate(msra_train) if i in dev_ids]
    out["msra_train"] = [relax(r) for i, r in enumerate(msra_train) if i not in dev_ids]  # dev keeps MSRA's own spans
    out["msra_test"] = msra_test

    pku = mapped(read_jsonl(f"{NER}/peoples_daily_1998_pku/all.jsonl"), m_pku)
    pku = [relax(r) for r in pku[: int(len(pku) * 0.84)]] + pku[int(len(pku) * 0.84):]  # train part only
    # PKU carve: contiguous blocks at the end of the month (document order), then leakage-filtered.
    n = len(pku)
    pku_train, pku_dev, pku_test = pku[: int(n * 0.84)], pku[int(n * 0.84): int(n * 0.90)], pku[int(n * 0.90):]

    cl = mapped(read_jsonl(f"{NER}/cluener2020/train.jsonl"), m_cluener)
    cl_all = read_jsonl(f"{NER}/cluener2020/train.jsonl")
    ids = list(range(len(cl_all)))
    random.shuffle(ids)
    cl_dev_ids = set(cl_all[i]["id"] for i in ids[: len(ids) // 10])
    out["cluener_dev"] = [r for r in cl if r["id"] in cl_dev_ids]
    out["cluener_train"] = [r for r in cl if r["id"] not in cl_dev_ids]
    # raw (all types) CLUENER split for the company stage
    out["cluener_raw_dev"] = [{"id": r["id"], "text": norm_text(r["text"]), "spans": [[e["start"], e["end"], e["type"]] for e in r["entities"]]} for r in cl_all if r["id"] in cl_dev_ids]
    out["cluener_raw_train"] = [{"id": r["id"], "text": norm_text(r["text"]), "spans": [[e["start"], e["end"], e["type"]] for e in r["entities"]]} for r in cl_all if r["id"] not in cl_dev_ids]

    out["newsann_train"], out["newsann_dev"] = news_annotations()
    out["silver_train"] = silver()
    out["newsart_train"] = newsart()
    for sp in ("train", "dev", "test"):
        out[f"weibo_{sp}"] = mapped(read_jsonl(f"{NER}/weibo/{sp}.jsonl"), m_weibo)
        out[f"resume_{sp}"] = mapped(read_jsonl(f"{NER}/resume/{sp}.jsonl"), m_resume)

    # Leakage filter for the PKU eval splits: drop any record sharing a sentence (>= 6 chars) or its whole
    # text with ANY training text (msra train+dev, pku train, cluener/weibo/resume train) or msra test.
    train_sents = set()
    train_texts = set()
    for name in ("msra_train", "msra_dev", "msra_test", "cluener_train", "weibo_train", "resume_train"):
        for r in out[name]:
            train_texts.add(r["text"])
            train_sents.update(sentences(r["text"]))
    for r in pku_train:
        train_texts.add(r["text"])
        train_sents.update(sentences(r["text"]))
    report = {}
    for name, recs in (("pku_dev", pku_dev), ("pku_test", pku_test)):
        kept = [r for r in recs if r["text"] not in train_texts and not any(s in train_sents for s in sentences(r["text"]))]
        report[name] = {"carved": len(recs), "kept": len(kept), "dropped_for_overlap": len(recs) - len(kept)}
        out[name] = kept
    # dev and test must not share sentences either
    dev_s = set(s for r in out["pku_dev"] for s in sentences(r["text"])) | set(r["text"] for r in out["pku_dev"])
    before = len(out["pku_test"])
    out["pku_test"] = [r for r in out["pku_test"] if r["text"] not in dev_s and not any(s in dev_s for s in sentences(r["text"]))]
    report["pku_test"]["dropped_overlap_with_pku_dev"] = before - len(out["pku_test"])
    out["pku_train"] = pku_train

    # split long training records
    for name in list(out):
        if name.endswith("_train") and not name.startswith("cluener_raw"):
            out[name] = [p for r in out[name] for p in split_long(r)]

    counts = {}
    for name, recs in out.items():
        write_jsonl(os.path.join(BUILD, "data", f"{name}.jsonl.xz"), recs)
        counts[name] = {"records": len(recs), "chars": sum(len(r["text"]) for r in recs),
                        "spans": sum(len(r["spans"]) for r in recs)}
        print(name, counts[name])

    # ---- vocab
    os.makedirs(os.path.join(BUILD, "vocab"), exist_ok=True)
    if os.environ.get("NER_VOCAB_FROM"):  # a warm start keeps the vocabularies of the model it starts from
        import shutil
        for f in ("chars.txt", "bigrams.txt", "lexicon.tsv.gz"):
            shutil.copy(os.path.join(os.environ["NER_VOCAB_FROM"], f), os.path.join(BUILD, "vocab", f))
        import json
        with open(os.path.join(BUILD, "splits.json"), "w") as f:
            json.dump({"counts": counts, "pku_leakage": report, "vocab_from": os.environ["NER_VOCAB_FROM"]}, f,
                      indent=1, ensure_ascii=False)
        return
    cc = collections.Counter()
    bc = collections.Counter()
    for name, recs in out.items():
        if name.endswith("_train"):
            for r in recs:
                cc.update(r["text"])
                t = r["text"]
                bc.update(t[i:i + 2] for i in range(len(t) - 1))
    # corpus counts (numpy)
    ccorp = collections.Counter()
    bcorp = collections.Counter()
    for p in sorted(glob.glob(f"{CORPUS}/*/part-*.txt.xz")):
        with lzma.open(p, "rt", encoding="utf-8") as f:
            txt = norm_text(f.read())
        cp = np.frombuffer(txt.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        u, c = np.unique(cp, return_counts=True)
        for a, b in zip(u.tolist(), c.tolist()):
            ccorp[chr(a)] += b
        key = cp[:-1] * (1 << 21) + cp[1:]
        ok = (cp[:-1] != 10) & (cp[1:] != 10)
        u, c = np.unique(key[ok], return_counts=True)
        sel = c >= 3
        for a, b in zip(u[sel].tolist(), c[sel].tolist()):
            bcorp[chr(a >> 21) + chr(a & ((1 << 21) - 1))] += b
        print("counted", p, file=sys.stderr)
    chars = set(ch for ch, c in cc.items() if c >= 2) | set(ch for ch, c in ccorp.items() if c >= 5)
    chars.discard("\n")
    # ties broken by the character itself: a set's order changes with PYTHONHASHSEED (the shipped 0.1.0 vocabulary
    # came from one such order; warm starts from it must use models/ner/chars.txt, see README)
    chars = sorted(chars, key=lambda ch: (-(cc[ch] * 10 + ccorp[ch]), ch))
    tot = collections.Counter()
    for k, v in bcorp.items():
        tot[k] += v
    for k, v in bc.items():
        tot[k] += v * 10
    bigrams = [b for b, c in tot.most_common(120000 - 3) if c >= 3 and "\n" not in b]
    with open(os.path.join(BUILD, "vocab", "chars.txt"), "w", encoding="utf-8") as f:
        f.write("<pad>\n<unk>\n<bnd>\n")
        for ch in chars:
            assert ch != "\n"
            f.write(ch + "\n")
    with open(os.path.join(BUILD, "vocab", "bigrams.txt"), "w", encoding="utf-8") as f:
        f.write("<pad>\n<unk>\n<bnd>\n")
        for b in bigrams:
            f.write(b + "\n")
    print("chars", len(chars) + 3, "bigrams", len(bigrams) + 3)
    lex = lexicon_from_jieba(os.path.join(REPO, "node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8"))
    save_lexicon(lex, os.path.join(BUILD, "vocab", "lexicon.tsv.gz"))
    print("lexicon", len(lex))
    import json
    with open(os.path.join(BUILD, "splits.json"), "w") as f:
        json.dump({"counts": counts, "pku_leakage": report}, f, indent=1, ensure_ascii=False)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
