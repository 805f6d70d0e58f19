#!/usr/bin/env bash
# ONE command that rebuilds models/ner from ../shared/data on a CPU:   bash training/run_all.sh
# ~2 hours on 2 cores (embeddings and SoftLexicon ~65 min, training 8 epochs ~45 min); a GPU only shortens the training step.
# Needs python3 with torch, numpy, scipy, gensim, onnx (Debian: python3-torch python3-numpy python3-scipy
# python3-gensim python3-onnx libopenblas0-pthread) and Node with this project's npm ci (nodejieba segments the corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${NER_SHARED_DATA:-../shared/data}
if [ ! -d "$SHARED/ner" ] || [ ! -d "$SHARED/corpus" ]; then
  echo "ERROR: $SHARED/ner and $SHARED/corpus are required (set NER_SHARED_DATA)." >&2
  exit 2
fi
export NER_BUILD=${NER_BUILD:-.device} PY=${PY:-python3}
# one torch thread: the shipped run used it (~5 min per MSRA epoch alone on 2 cores); a 2-thread run on top of
# OpenBLAS's own threads had not finished its first epoch after 17 min
export TORCH_THREADS=${TORCH_THREADS:-1}
B=$NER_BUILD
NAME=${NAME:-S1_softlex_h256}
$PY training/prepare.py                      # label maps, dev carves, PKU leakage filter, vocab, lexicon
$PY training/featurize.py                    # ids + lexicon bits -> $B/feat/*.npz
# char (100) and char-bigram (50) embeddings: skip-gram word2vec (gensim) on the whole corpus + training texts
$PY training/w2v_emb.py "$SHARED/corpus" $B/emb_w2v.npz --epochs 5
# SoftLexicon: word vectors (50) on the jieba-segmented corpus, then per-char B/M/E/S features for every split
mkdir -p $B/seg
node training/segment_corpus.mjs "$SHARED/corpus" $B/seg/corpus.seg.txt
$PY training/word_vectors.py $B/seg/corpus.seg.txt $B/wv50.npz --epochs 5
$PY training/softlex.py build $B/wv50.npz $B/softlex
$PY training/softlex.py featurize $B/softlex
# BiLSTM-CRF, hidden 256, dropout 0.3, embeddings fine-tuned; model.pt = best epoch on MSRA dev (epoch 6 of 0-7 for the shipped run)
$PY training/train.py $NAME --data msra --hidden 256 --pretrained $B/emb_w2v.npz --softlex 200 --dropout ${DROPOUT:-0.3} \
  --minutes 300 --max-epochs ${EPOCHS:-8}
$PY training/export.py $B/runs/$NAME $B/export/$NAME   # model.onnx = int8 embeddings, int32 ids, softlex input
$PY training/company.py $B/company                     # COMPANY vs ORG stage (logreg vs suffix rules on CLUENER dev carve)
$PY training/assemble.py $B/export/$NAME $B/company/company.json models/ner bilstm-crf-softlex-h256 0.2.0 --softlex $B/softlex
echo "evaluate from Node: mkdir -p $B/evaldata; for s in msra_dev msra_test pku_dev pku_test cluener_dev weibo_dev weibo_test resume_dev resume_test; do xz -dc $B/data/\$s.jsonl.xz > $B/evaldata/\$s.jsonl; done; npx tsx scripts/model-eval.ts"
