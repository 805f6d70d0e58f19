"""Assemble models/ner from an export dir: model.onnx, crf.json, vocab, lexicon, company.json, meta.json.
Usage: assemble.py EXPORT_DIR COMPANY_JSON OUT_DIR NAME VERSION
       assemble.py EXPORT_DIR_A,EXPORT_DIR_B COMPANY_JSON OUT_DIR NAME VERSION ENSEMBLE_CRF_JSON   (ensemble: members
       model.onnx, model.1.onnx, ...; crf.json = the members' averaged CRF from `ensemble.py crf`)"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, TAGS

exps, comp, out, name, version = sys.argv[1:6]
exps = exps.split(",")
os.makedirs(out, exist_ok=True)
members = []
for i, exp in enumerate(exps):
    members.append("model.onnx" if i == 0 else f"model.{i}.onnx")
    shutil.copy(os.path.join(exp, "model.onnx"), os.path.join(out, members[-1]))
if len(exps) > 1:
    shutil.copy(sys.argv[6], os.path.join(out, "crf.json"))
else:
    shutil.copy(os.path.join(exps[0], "crf.json"), os.path.join(out, "crf.json"))
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
    "files": {"model": members[0] if len(members) == 1 else members, "chars": "chars.txt", "bigrams": "bigrams.txt", "lexicon": "lexicon.tsv.gz",
              "crf": "crf.json", "company": "company.json"},
}
json.dump(meta, open(os.path.join(out, "meta.json"), "w"), indent=1, ensure_ascii=False)
print("assembled", out)
