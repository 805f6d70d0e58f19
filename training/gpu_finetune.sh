#!/usr/bin/env bash
# One device call (~8 min on an H200): fine-tune the shipped model in eight variants side by side, then pack every
# run's best and last checks small enough to come back (training/pack_runs.py). The candidates are then exported
# and chosen here, on eval/news dev through the whole service (training/README.md "seventh session").
# Needs, under $NER_BUILD (default .device/gpu): data/*.jsonl.xz, feat/*.npz and vocab/ from prepare.py and
# featurize.py (NER_VOCAB_FROM=models/ner). Rebuilds the warm start from models/ner (from_onnx.py) and the SoftLexicon
# features (softlex.py featurize models/ner) on the machine itself: they are too large to carry.
# Runs on a CPU too, slowly (LIMIT=200 M=0.3 RUNS="A G" for a smoke test).
# PLAN=mlm (eighth session): the same warm start with a masked-character objective on unlabelled modern news lines
# (silver_train made from an annotation_pool.py draw with empty spans; train.py --mlm). Split files whose feat/*.npz
# was not carried are featurized on the machine (featurize.py), so only data/ and vocab/ need to travel.
set -u
export PYTHONUNBUFFERED=1
export NER_BUILD=${NER_BUILD:-.device/gpu}
B=$NER_BUILD
OUT=${OUT:-$B/out}
M=${M:-5.5}            # training minutes per run (a run stops at its first dev check past this)
BS=${BS:-128}
EVERY=${EVERY:-100}
LIMIT=${LIMIT:-0}
PY=${PY:-python3}
RUNS=${RUNS:-"A B C D E F G H"}
mkdir -p "$OUT" "$B/runs" "$B/feat"
T0=$(date +%s)
nvidia-smi -L 2>/dev/null
$PY -c "import torch, numpy; print('torch', torch.__version__, 'numpy', numpy.__version__, 'cuda', torch.cuda.is_available())"
PLAN=${PLAN:-finetune}
CORPORA="cluener msra newsann pku resume weibo"
[ "$PLAN" = mlm ] && CORPORA="$CORPORA silver"
$PY training/from_onnx.py models/ner "$B/base.pt" > "$B/from_onnx.log" 2>&1 &
# ids and lexicon bits where not carried, and SoftLexicon features: one process per corpus
for p in $CORPORA; do
  ls "$B"/feat/$p*.npz > /dev/null 2>&1 || NER_ONLY=$p $PY training/featurize.py > "$B/featurize-$p.log" 2>&1 &
  NER_ONLY=$p $PY training/softlex.py featurize models/ner > "$B/softlex-$p.log" 2>&1 &
done
wait
tail -n 2 "$B/from_onnx.log"; [ -f "$B/base.pt" ] || exit 1
ls "$B"/feat/*.softlex.npy | wc -l
echo "prepared in $(( $(date +%s) - T0 )) s"

set -f  # the data specs hold '*'
MIX='msra*0.3,pku*0.2,cluener,weibo,resume,newsann*2'
COMMON="--hidden 256 --softlex 200 --init $B/base.pt --select newsann --bs $BS --eval-every $EVERY --minutes $M --max-epochs 12 --limit $LIMIT"
declare -A ARGS=(
  [A]="--data $MIX --lr 4e-4 --seed 11"                                  # the round-6 recipe, continued
  [B]="--data ${MIX/newsann\*2/newsann*3} --lr 4e-4 --seed 12 --freeze-emb"           # more weight on the contract's annotations
  [C]="--data msra*0.15,pku*0.1,cluener,weibo,resume,newsann*3 --lr 5e-4 --seed 13 --freeze-emb"  # contract focus
  [D]="--data $MIX --lr 4e-4 --seed 14 --unk-drop 0.05 --freeze-emb"    # robustness to unseen characters
  [E]="--data $MIX --lr 4e-4 --seed 15 --unk-drop 0.1 --freeze-emb"
  [F]="--data $MIX --lr 4e-4 --seed 16 --dropout 0.5 --freeze-emb"
  [G]="--data $MIX --lr 6e-4 --seed 17 --freeze-emb"
  [H]="--data $MIX --lr 2e-4 --seed 18 --freeze-emb"                     # gentle
)
if [ "$PLAN" = mlm ]; then
  RUNS=${RUNS_MLM:-"A B C D E F G H"}
  U="--unk-drop 0.1 --freeze-emb"
  ARGS=(
    [A]="--data $MIX,silver --mlm silver:0.2 --lr 4e-4 --seed 21 $U"
    [B]="--data $MIX,silver --mlm silver:0.5 --lr 4e-4 --seed 22 $U"
    [C]="--data $MIX,silver --mlm silver:1 --lr 4e-4 --seed 23 $U"
    [D]="--data $MIX,silver*0.5 --mlm silver:0.5 --lr 4e-4 --seed 24 $U"
    [E]="--data $MIX --lr 4e-4 --seed 25 $U"                                   # control: round 11's E, new seed
    [F]="--data $MIX,silver --mlm silver:0.5 --lr 4e-4 --seed 26 --dropout 0.5 --freeze-emb"
    [G]="--data $MIX,silver --mlm silver:0.5 --lr 4e-4 --seed 27 --unk-drop 0.1"  # embeddings trained too
    [H]="--data $MIX,silver*2 --mlm silver:0.5 --lr 4e-4 --seed 28 $U"
  )
fi
for r in $RUNS; do
  OMP_NUM_THREADS=2 TORCH_THREADS=2 $PY training/train.py "$r" ${ARGS[$r]} $COMMON \
    --final-evals newsann_dev,msra_dev,cluener_dev > "$B/runs/$r.log" 2>&1 &
done
wait
set +f
echo "trained in $(( $(date +%s) - T0 )) s"
tail -n 3 "$B"/runs/*.log
$PY training/pack_runs.py pack "$B/base.pt" "$B/runs" "$OUT" $RUNS
cat "$B"/runs/*.log > "$OUT/train_logs.txt"
echo "done in $(( $(date +%s) - T0 )) s"
ls -la "$OUT"
