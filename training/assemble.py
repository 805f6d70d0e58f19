"""Assemble models/ner from an export dir: model.onnx, crf.json, vocab, lexicon, company.json, meta.json.
Usage: assemble.py EXPORT_DIR COMPANY_JSON OUT_DIR NAME VERSION   (COMPANY_JSON `-`: no second stage; a tagger with
       COMPANY tags of its own decides the type alone)
       assemble.py EXPORT_DIR_A,EXPORT_DIR_B COMPANY_JSON OUT_DIR NAME VERSION ENSEMBLE_CRF_JSON   (ensemble: members
       model.onnx, model.1.onnx, ...; crf.json = the members' averaged CRF from `ensemble.py crf`)
       ... --softlex SOFTLEX_DIR     (model with a SoftLexicon input: copies softlex.tsv.gz + softlex.bin)"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, TAGS

argv = list(sys.argv)
softlex = None
if "--softlex" in argv:
    k = argv.index("--softlex")
    softlex = argv[k + 1]
    del argv[k:k + 2]
exps, comp, out, name, version = argv[1:6]
exps = exps.split(",")
os.makedirs(out, exist_ok=True)
members = []
for i, exp in enumerate(exps):
    members.append("model.onnx" if i == 0 else f"model.{i}.onnx")
    shutil.copy(os.path.join(exp, "model.onnx"), os.path.join(out, members[-1]))
if len(exps) > 1:
    shutil.copy(argv[6], os.path.join(out, "crf.json"))
else:
    shutil.copy(os.path.join(exps[0], "crf.json"), os.path.join(out, "crf.json"))
for f in ("chars.txt", "bigrams.txt", "lexicon.tsv.gz"):
    shutil.copy(os.path.join(BUILD, "vocab", f), os.path.join(out, f))
if comp != "-":
    shutil.copy(comp, os.path.join(out, "company.json"))
elif os.path.exists(os.path.join(out, "company.json")):
    os.remove(os.path.join(out, "company.json"))
meta = {
    "name": name, "version": version, "labels": TAGS,
    "typeMap": {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORG", "COMPANY": "COMPANY"},
    "outputTypes": ["PERSON", "LOCATION", "ORG", "COMPANY"],
    "maxLength": 250, "windowOverlap": 50, "batchSize": 32,
    "preprocessing": "simplified Chinese input; per-char 1:1 normalisation: full-width ASCII -> half-width, "
                     "U+3000 -> space, A-Z -> a-z; char ids (chars.txt), right-bigram ids (bigrams.txt; last "
                     "position = <bnd>), 16 lexicon bits per char (lexicon.tsv.gz: B/M/E/S x any/nr/ns/nt, words <= 8)",
    "inputs": {"chars": "int64 [B,T]", "bigrams": "int64 [B,T]", "lex": "float32 [B,T,16]", "lengths": "int32 [B]"},
    "outputs": {"emissions": f"float32 [B,T,{len(TAGS)}]"},
    "files": {"model": members[0] if len(members) == 1 else members, "chars": "chars.txt", "bigrams": "bigrams.txt", "lexicon": "lexicon.tsv.gz",
              "crf": "crf.json", "company": "company.json"},
}
if comp == "-":
    del meta["files"]["company"]
json.dump(meta, open(os.path.join(out, "meta.json"), "w"), indent=1, ensure_ascii=False)
if softlex:
    for f in ("softlex.tsv.gz", "softlex.bin"):
        shutil.copy(os.path.join(softlex, f), os.path.join(out, f))
    dim = int.from_bytes(open(os.path.join(softlex, "softlex.bin"), "rb").read(8)[4:8], "little")
    meta["files"]["softlexWords"], meta["files"]["softlexVectors"] = "softlex.tsv.gz", "softlex.bin"
    meta["inputs"]["softlex"] = f"float32 [B,T,{4 * dim}]"
    meta["preprocessing"] += (f"; SoftLexicon: per char, count-weighted mean {dim}-dim word vector of the lexicon words "
                              "in each of the sets B/M/E/S (softlex.tsv.gz + softlex.bin, training/softlex.py)")
    json.dump(meta, open(os.path.join(out, "meta.json"), "w"), indent=1, ensure_ascii=False)
import onnx  # noqa: E402
first = members[0]
if any(n.op_type == "DynamicQuantizeLSTM" for n in onnx.load(os.path.join(out, first)).graph.node):
    meta["quantisation"] = ("embeddings: row-wise int8; LSTM: int8 weights per gate channel (7-bit range), activations "
                            "quantised at run time (ONNX Runtime DynamicQuantizeLSTM; training/quantize_lstm.py); output layer fp32")
    json.dump(meta, open(os.path.join(out, "meta.json"), "w"), indent=1, ensure_ascii=False)
print("assembled", out)
