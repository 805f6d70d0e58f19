"""COMPANY vs ORG second stage: char n-gram logistic regression on the span (+ 1-2 chars of context).
Train: CLUENER train (minus our 10% dev carve) company=1 vs government/organization=0, plus Resume train ORG=1.
Compare with pure suffix rules on the CLUENER dev carve; write the better one to OUT/company.json.
Usage: company.py OUT_DIR"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, read_jsonl, require_shared

SUFFIXES = ["有限公司", "有限责任公司", "股份公司", "集团", "公司", "银行", "证券", "保险", "基金", "控股", "科技",
            "实业", "地产", "置业", "传媒", "影业", "航空", "汽车", "电器", "电子", "电气", "网络", "软件", "药业",
            "制药", "能源", "石油", "石化", "电信", "移动", "联通", "商场", "超市", "百货", "酒店", "饭店", "工厂",
            "厂", "店", "信托", "期货", "资本", "投资", "创投", "事务所"]


def features(text, start, end):
    s = text[start:end]
    m = "^" + s + "$"
    f = []
    for n in range(1, 4):
        for i in range(0, len(m) - n + 1):
            f.append(f"g{n}:{m[i:i + n]}")
    for k in range(1, min(4, len(s)) + 1):
        f.append(f"suf:{s[len(s) - k:]}")
    for k in range(1, min(2, len(s)) + 1):
        f.append(f"pre:{s[:k]}")
    f.append(f"len:{min(len(s), 12)}")
    f.append(f"lc:{text[start - 1] if start > 0 else '^'}")
    f.append(f"rc:{text[end] if end < len(text) else '$'}")
    f.append(f"rc2:{text[end:end + 2]}")
    return f


def examples(recs, resume=False):
    X, y = [], []
    for r in recs:
        for s, e, t in r["spans"]:
            if resume:
                if t == "ORG":
                    X.append(features(r["text"], s, e)); y.append(1)
            elif t in ("company", "government", "organization"):
                X.append(features(r["text"], s, e)); y.append(1 if t == "company" else 0)
    return X, y


def rules(text, s, e):
    return 1 if any(text[s:e].endswith(x) for x in SUFFIXES) else 0


def report(y, p):
    y, p = np.array(y), np.array(p)
    tp = int(((y == 1) & (p == 1)).sum()); fp = int(((y == 0) & (p == 1)).sum()); fn = int(((y == 1) & (p == 0)).sum())
    P = tp / max(tp + fp, 1); R = tp / max(tp + fn, 1)
    return {"accuracy": round(float((y == p).mean()) * 100, 2), "company_p": round(P * 100, 2), "company_r": round(R * 100, 2),
            "company_f": round(200 * P * R / max(P + R, 1e-9), 2), "n": int(len(y))}


def main():
    out_dir = sys.argv[1]
    require_shared()
    tr = read_jsonl(os.path.join(BUILD, "data", "cluener_raw_train.jsonl.xz"))
    dv = read_jsonl(os.path.join(BUILD, "data", "cluener_raw_dev.jsonl.xz"))
    res_tr = read_jsonl(os.path.join(BUILD, "data", "resume_train.jsonl.xz"))
    results = {}
    variants = {}
    for name, use_resume in (("cluener", False), ("cluener+resume", True)):
        X, y = examples(tr)
        if use_resume:
            Xr, yr = examples(res_tr, resume=True)
            X += Xr; y += yr
        vocab = {}
        for fs in X:
            for f in fs:
                vocab.setdefault(f, len(vocab))
        rows = np.zeros((len(X), len(vocab)), np.float32)
        for i, fs in enumerate(X):
            for f in fs:
                rows[i, vocab[f]] = 1.0
        yv = np.array(y, np.float32)
        w = np.zeros(len(vocab), np.float32); b = 0.0
        lr, l2 = 0.5, 1e-4
        for it in range(300):  # full-batch gradient descent with AdaGrad
            z = rows @ w + b
            p = 1 / (1 + np.exp(-z))
            g = rows.T @ (p - yv) / len(yv) + l2 * w
            gb = float((p - yv).mean())
            if it == 0:
                G = np.zeros_like(w) + 1e-8; Gb = 1e-8
            G += g * g; Gb += gb * gb
            w -= lr * g / np.sqrt(G); b -= lr * gb / np.sqrt(Gb)
        Xd, yd = examples(dv)
        pd = []
        for fs in Xd:
            z = b + sum(w[vocab[f]] for f in fs if f in vocab)
            pd.append(1 if z >= 0 else 0)
        results["logreg:" + name] = report(yd, pd)
        variants[name] = (vocab, w, b)
    # suffix rules
    yd, pr = [], []
    for r in dv:
        for s, e, t in r["spans"]:
            if t in ("company", "government", "organization"):
                yd.append(1 if t == "company" else 0); pr.append(rules(r["text"], s, e))
    results["suffix-rules"] = report(yd, pr)
    results["majority(company)"] = report(yd, [1] * len(yd))
    print(json.dumps(results, indent=1, ensure_ascii=False))
    best = max(results, key=lambda k: results[k]["accuracy"])
    print("best on CLUENER dev carve:", best)
    if best.startswith("logreg"):
        vocab, w, b = variants[best.split(":", 1)[1]]
        weights = {f: round(float(w[i]), 4) for f, i in vocab.items() if abs(w[i]) >= 0.02}
        spec = {"kind": "char-ngram-logreg", "bias": round(float(b), 4), "threshold": 0.5, "weights": weights,
                "suffixes": SUFFIXES, "trained_on": best, "dev": results}
    else:
        spec = {"kind": "suffix-rules", "suffixes": SUFFIXES, "dev": results}
    os.makedirs(out_dir, exist_ok=True)
    json.dump(spec, open(os.path.join(out_dir, "company.json"), "w"), ensure_ascii=False, separators=(",", ":"))
    print("wrote", os.path.join(out_dir, "company.json"), len(spec.get("weights", {})), "weights")


if __name__ == "__main__":
    main()
