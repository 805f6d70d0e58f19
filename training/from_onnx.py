"""Rebuild a PyTorch Tagger from a shipped model directory (model.onnx + crf.json), so a released model can be
evaluated or fine-tuned without its training checkpoint (the checkpoint lives only in the git-ignored build dir).

Usage: from_onnx.py MODEL_DIR OUT.pt      (writes {"state", "config"} in train.py's model.pt format)
       from_onnx.py MODEL_DIR OUT.pt --head NAME   (head.NAME.onnx + its CRF, in add_head.py's OUT.pt format)

The int8 embedding tables are dequantised (row scale x int8), which is exactly what the ONNX graph computes, so
the rebuilt model gives the shipped model's emissions. ONNX LSTM gates are (i, o, f, c); PyTorch's are (i, f, g, o).
"""
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def reorder_iofc_to_ifgo(w, hidden):
    i, o, f, c = (w[k * hidden:(k + 1) * hidden] for k in range(4))
    return np.concatenate([i, f, c, o], 0)


def load(model_dir):
    g = onnx.load(os.path.join(model_dir, "model.onnx"))
    inits = {i.name: numpy_helper.to_array(i) for i in g.graph.initializer}
    emb = {}
    for name, arr in inits.items():
        if name.endswith("_q") and name[:-2] + "_scale" in inits and arr.ndim == 2:
            emb[name[:-2]] = arr.astype(np.float32) * inits[name[:-2] + "_scale"][:, None]
    lstm = [n for n in g.graph.node if n.op_type in ("LSTM", "DynamicQuantizeLSTM")][0]
    B = inits[lstm.input[3]]
    if lstm.op_type == "LSTM":
        W, R = (inits[x] for x in lstm.input[1:3])
    else:  # int8 LSTM weights (quantize_lstm.py): dequantised, as ONNX Runtime computes them
        from quantize_lstm import dequantized_lstm
        W, R = dequantized_lstm(inits, lstm)
    hidden = R.shape[-1]
    char = next(v for k, v in emb.items() if v.shape[1] == 100)
    bigram = next(v for k, v in emb.items() if v.shape[1] == 50)
    # output layer: MatMul with a [2H, 7] initializer (or Gemm [7, 2H]) + bias [7]
    crf = json.load(open(os.path.join(model_dir, "crf.json")))
    K = len(crf["labels"])
    out_w = out_b = None
    for n in g.graph.node:
        for x in n.input:
            a = inits.get(x)
            if a is None:
                continue
            if a.shape == (2 * hidden, K):
                out_w = a.T
            elif a.shape == (K, 2 * hidden):
                out_w = a
            elif a.shape == (K,):
                out_b = a
    assert out_w is not None and out_b is not None, "output layer not found"
    base = char.shape[1] + 2 * bigram.shape[1]
    use_lex = W.shape[-1] >= base + 16
    softlex_dim = W.shape[-1] - base - (16 if use_lex else 0)
    sd = {"char_emb.weight": torch.from_numpy(char), "bi_emb.weight": torch.from_numpy(bigram)}
    sd.update(lstm_state(W, R, B, hidden))
    sd["out.weight"] = torch.from_numpy(np.ascontiguousarray(out_w))
    sd["out.bias"] = torch.from_numpy(out_b.copy())
    sd["trans"] = torch.tensor(crf["transitions"])
    sd["start"] = torch.tensor(crf["start"])
    sd["end"] = torch.tensor(crf["end"])
    cfg = {"n_chars": char.shape[0], "n_bigrams": bigram.shape[0], "hidden": hidden, "use_lex": use_lex,
           "use_bigram": True, "n_heads": 1, "softlex_dim": softlex_dim, "labels": crf["labels"]}
    return sd, cfg


def lstm_state(W, R, B, hidden, prefix="lstm."):
    """An ONNX bidirectional LSTM's W, R, B as a torch.nn.LSTM state dict (one layer)."""
    sd = {}
    for d, suffix in ((0, ""), (1, "_reverse")):
        sd[prefix + "weight_ih_l0" + suffix] = torch.from_numpy(reorder_iofc_to_ifgo(W[d], hidden).copy())
        sd[prefix + "weight_hh_l0" + suffix] = torch.from_numpy(reorder_iofc_to_ifgo(R[d], hidden).copy())
        wb, rb = B[d][:4 * hidden], B[d][4 * hidden:]
        sd[prefix + "bias_ih_l0" + suffix] = torch.from_numpy(reorder_iofc_to_ifgo(wb, hidden).copy())
        sd[prefix + "bias_hh_l0" + suffix] = torch.from_numpy(reorder_iofc_to_ifgo(rb, hidden).copy())
    return sd


def load_head(model_dir, name):
    """A grafted head (training/graft_head.py) back in add_head.py's format: its LSTM (if any), its layers in graph
    order (MatMul weight [in, out] -> [out, in], the Add's bias) and its CRF from crf.json `heads`. An ensemble's graph
    (meta `members`) runs its members one after another, each from its LSTM: it comes back as ensemble_heads.py's
    format, each member carrying the ensemble's (mean) CRF, whose mean is that CRF again."""
    meta = json.load(open(os.path.join(model_dir, "meta.json")))["heads"][name]
    g = onnx.load(os.path.join(model_dir, meta["file"]))
    inits = {i.name: numpy_helper.to_array(i) for i in g.graph.initializer}
    crf = json.load(open(os.path.join(model_dir, "crf.json")))["heads"][name]
    members = [{"corpus": meta["corpus"], "lstm": None, "layers": [], "crf": crf}]
    for n in g.graph.node:
        if n.op_type == "LSTM":
            if members[-1]["lstm"] is not None or members[-1]["layers"]:
                members.append({"corpus": meta["corpus"], "lstm": None, "layers": [], "crf": crf})
            W, R, B = (inits[x] for x in n.input[1:4])
            members[-1]["lstm"] = lstm_state(W, R, B, R.shape[-1], prefix="")
        elif n.op_type == "MatMul":
            members[-1]["layers"].append([torch.from_numpy(np.ascontiguousarray(inits[n.input[1]].T)), None])
        elif n.op_type == "Add" and members[-1]["layers"] and members[-1]["layers"][-1][1] is None:
            members[-1]["layers"][-1][1] = torch.from_numpy(next(inits[x] for x in n.input if x in inits).copy())
    for m in members:
        m["layers"] = [tuple(x) for x in m["layers"]]
    assert len(members) == meta.get("members", 1), (len(members), meta.get("members"))
    result = {"rebuilt_from": os.path.join(model_dir, meta["file"])}
    if len(members) == 1:
        return {**members[0], "result": result}
    return {"corpus": meta["corpus"], "members": members, "crf": crf, "result": result}


def main():
    if "--head" in sys.argv:
        name = sys.argv[sys.argv.index("--head") + 1]
        torch.save(load_head(sys.argv[1], name), sys.argv[2])
        print("rebuilt head", name)
        return
    sd, cfg = load(sys.argv[1])
    torch.save({"state": sd, "config": cfg}, sys.argv[2])
    print("rebuilt", cfg)


if __name__ == "__main__":
    main()
