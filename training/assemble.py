"""Assemble models/ner from an export dir: model.onnx, crf.json, vocab, lexicon, company.json, meta.json.
Usage: assemble.py EXPORT_DIR COMPANY_JSON OUT_DIR NAME VERSION"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, TAGS

exp, comp, out, name, version = sys.argv[1:6]
os.makedirs(out, exist_ok=True)
shutil.copy(os.path.join(exp, "model.onnx"), os.path.join(out, "model.onnx"))
shutil.copy(os.path.join(exp, "crf.json"), os.path.join(out, "crf.json"))
for f in ("chars.txt", "bigrams.txt", "lexicon.tsv.gz"):
    shutil.copy(os.path.join(BUILD, "vocab", f), os.path.join(out, f))
shutil.copy(comp, os.path.join(out, "company.json"))
meta = {
    "name": name, "version": version, "labels": TAGS,
    "typeMap": {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORG"},
    "outputTypes": ["PERSON", "LOCATION", "ORG", "COMPANY"],
    "maxLength": 250, "windowOverlap": 50, "batchSize": 32,
    "preprocessing": "simplified Chinese input; per-char 1:1 normalisation: full-width ASCII -> half-width, "
                     "U+3000 -> space, A-Z -> a-z; char ids (chars.txt), right-bigram ids (bigrams.txt; last "
                     "position = <bnd>), 16 lexicon bits per char (lexicon.tsv.gz: B/M/E/S x any/nr/ns/nt, words <= 8)",
    "inputs": {"chars": "int64 [B,T]", "bigrams": "int64 [B,T]", "lex": "float32 [B,T,16]", "lengths": "int32 [B]"},
    "outputs": {"emissions": "float32 [B,T,7]"},
    "files": {"model": "model.onnx", "chars": "chars.txt", "bigrams": "bigrams.txt", "lexicon": "lexicon.tsv.gz",
              "crf": "crf.json", "company": "company.json"},
}
json.dump(meta, open(os.path.join(out, "meta.json"), "w"), indent=1, ensure_ascii=False)
print("assembled", out)
