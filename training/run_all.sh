#!/usr/bin/env bash
# ONE command that rebuilds models/ner from ../shared/data:   bash training/run_all.sh
# (CPU works but is slow: many hours; the shipped model was trained on an H100 via training/gpu_run.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${NER_SHARED_DATA:-../shared/data}
if [ ! -d "$SHARED/ner" ] || [ ! -d "$SHARED/corpus" ]; then
  echo "ERROR: $SHARED/ner and $SHARED/corpus are required (set NER_SHARED_DATA)." >&2
  exit 2
fi
export NER_BUILD=${NER_BUILD:-.device} PY=${PY:-python3}
$PY training/prepare.py                      # label maps, dev carves, PKU leakage filter, vocab, lexicon
$PY training/featurize.py                    # ids + lexicon bits -> $NER_BUILD/feat/*.npz
mkdir -p $NER_BUILD/corpus                   # corpus for embedding pretraining (lawrefbook left out)
for d in xwlb_chinadata terminus2049 zhwiki_sample weibo_ced; do
  mkdir -p $NER_BUILD/corpus/$d && cp $SHARED/corpus/$d/*.xz $NER_BUILD/corpus/$d/
done
OUT=$NER_BUILD/out bash training/gpu_run.sh  # pretrain embeddings, train, pick by MSRA dev, ORT check
BEST=$(cat $NER_BUILD/best.txt)
$PY training/export.py $NER_BUILD/runs/$BEST $NER_BUILD/export/$BEST   # model.onnx = int8 embeddings, int32 ids
$PY training/company.py $NER_BUILD/company   # COMPANY vs ORG stage (logreg vs suffix rules on CLUENER dev carve)
$PY training/assemble.py $NER_BUILD/export/$BEST $NER_BUILD/company/company.json models/ner bilstm-crf-lex-h256 0.1.0
echo "evaluate from Node: for s in msra_test pku_test ...; do xz -dc $NER_BUILD/data/\$s.jsonl.xz > $NER_BUILD/evaldata/\$s.jsonl; done; npx tsx scripts/model-eval.ts"
