"""Export a trained run to ONNX (emissions) + crf.json, patch the LSTM sequence_lens input, int8-quantise,
and check ONNX Runtime F1 against PyTorch. Usage: export.py RUN_DIR OUT_DIR [--lstm-fp32]
(model.onnx has int8 embeddings and, unless --lstm-fp32, int8 LSTM weights: training/quantize_lstm.py)"""
import inspect
import json
import os
import sys
import time

import numpy as np
import onnx
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import TAGS, tags_to_spans
from model import load_checkpoint
from train import BITS, batchify, load_split, prf


def wire_lengths(g):
    """Give a graph's LSTMs (exported by torch without sequence lengths) a `lengths` int32 [B] input as their
    sequence_lens, so a row's padding never reaches its real positions (the backward direction starts at its end)."""
    lstms = [n for n in g.graph.node if n.op_type == "LSTM"]
    assert lstms, [n.op_type for n in g.graph.node]
    g.graph.input.append(onnx.helper.make_tensor_value_info("lengths", onnx.TensorProto.INT32, ["B"]))
    for node in lstms:
        while len(node.input) < 5:
            node.input.append("")
        node.input[4] = "lengths"
    return g


def export(run_dir, out_dir):
    m, _ = load_checkpoint(os.path.join(run_dir, "model.pt"))
    os.makedirs(out_dir, exist_ok=True)
    B, T = 2, 7
    args = (torch.ones(B, T, dtype=torch.long) * 5, torch.ones(B, T, dtype=torch.long) * 5, torch.zeros(B, T, 16))
    names, axes = ["chars", "bigrams", "lex"], {"chars": {0: "B", 1: "T"}, "bigrams": {0: "B", 1: "T"},
                                               "lex": {0: "B", 1: "T"}, "emissions": {0: "B", 1: "T"}}
    if m.softlex_dim:  # SoftLexicon features: float32 [B,T,softlex_dim] (training/softlex.py, features.ts)
        args += (torch.zeros(B, T, m.softlex_dim),)
        names.append("softlex")
        axes["softlex"] = {0: "B", 1: "T"}
    kw = {}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kw["dynamo"] = False
    raw = os.path.join(out_dir, "raw.onnx")
    torch.onnx.export(m, args, raw, input_names=names, output_names=["emissions"], dynamic_axes=axes,
                      opset_version=17, **kw)
    g = wire_lengths(onnx.load(raw))
    onnx.checker.check_model(g)
    fp32 = os.path.join(out_dir, "model.fp32.onnx")
    onnx.save(g, fp32)
    os.remove(raw)
    crf = {"labels": TAGS, "transitions": m.trans.detach().tolist(), "start": m.start.detach().tolist(),
           "end": m.end.detach().tolist()}
    json.dump(crf, open(os.path.join(out_dir, "crf.json"), "w"))
    return m, fp32


def quantize_embeddings(src, dst):
    """Row-wise symmetric int8 quantisation of the embedding tables (Gather initialisers), by hand:
    Gather(W) -> Gather(Wq int8) * Gather(scale). LSTM/linear stay fp32 (they are small)."""
    from onnx import helper, numpy_helper, TensorProto
    g = onnx.load(src)
    inits = {i.name: i for i in g.graph.initializer}
    new_nodes = []
    done = set()
    for node in g.graph.node:
        if node.op_type == "Gather" and node.input[0] in inits and len(inits[node.input[0]].dims) == 2:
            base = node.input[0]
            if base not in done:
                w = numpy_helper.to_array(inits[base]).astype(np.float32)
                scale = np.abs(w).max(1) / 127.0
                scale[scale == 0] = 1.0
                q = np.clip(np.round(w / scale[:, None]), -127, 127).astype(np.int8)
                g.graph.initializer.remove(inits[base])
                g.graph.initializer.extend([numpy_helper.from_array(q, base + "_q"),
                                            numpy_helper.from_array(scale.astype(np.float32), base + "_scale")])
                done.add(base)
            out = node.output[0]
            ids = node.input[1]
            new_nodes += [
                helper.make_node("Gather", [base + "_q", ids], [out + "_gq"], axis=0),
                helper.make_node("Cast", [out + "_gq"], [out + "_gf"], to=TensorProto.FLOAT),
                helper.make_node("Gather", [base + "_scale", ids], [out + "_gs"], axis=0),
                helper.make_node("Unsqueeze", [out + "_gs", out + "_ax"], [out + "_gsu"]),
                helper.make_node("Mul", [out + "_gf", out + "_gsu"], [out]),
            ]
            g.graph.initializer.append(numpy_helper.from_array(np.array([-1], np.int64), out + "_ax"))
        else:
            new_nodes.append(node)
    del g.graph.node[:]
    g.graph.node.extend(new_nodes)
    onnx.checker.check_model(g)
    onnx.save(g, dst)


def int32_id_inputs(path):
    """Make the chars/bigrams graph inputs int32 (cheaper to fill from JS than BigInt64Array); Cast inside."""
    from onnx import helper, TensorProto
    g = onnx.load(path)
    casts = []
    for inp in g.graph.input:
        if inp.name in ("chars", "bigrams"):
            inp.type.tensor_type.elem_type = TensorProto.INT32
            old = inp.name
            for node in g.graph.node:
                for k, x in enumerate(node.input):
                    if x == old:
                        node.input[k] = old + "_i64"
            casts.append(helper.make_node("Cast", [old], [old + "_i64"], to=TensorProto.INT64))
    for c in reversed(casts):
        g.graph.node.insert(0, c)
    onnx.checker.check_model(g)
    onnx.save(g, path)


def ort_eval(path, model, recs, bs=64, threads=2):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    s = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    gold, pred = [], []
    order = sorted(range(len(recs)), key=lambda i: len(recs[i][0]))
    t0 = time.time()
    nchar = 0
    ems = []
    for k in range(0, len(order), bs):
        idx = order[k:k + bs]
        c, b, lx, t, lens, mask = batchify([recs[i] for i in idx], "cpu")
        feeds = {"chars": c.numpy(), "bigrams": b.numpy(), "lex": lx.numpy(), "lengths": lens.numpy().astype(np.int32)}
        if batchify.softlex is not None:
            feeds["softlex"] = batchify.softlex.numpy()
        em = s.run(None, feeds)[0]
        nchar += int(lens.sum())
        ems.append((idx, em, mask))
    dt = time.time() - t0
    for idx, em, mask in ems:
        path_ = model.decode(torch.from_numpy(em), mask).numpy()
        for j, i in enumerate(idx):
            n = len(recs[i][0])
            gold += [(i, s_, e, ty) for s_, e, ty in tags_to_spans(recs[i][3].tolist())]
            pred += [(i, s_, e, ty) for s_, e, ty in tags_to_spans(path_[j, :n].tolist())]
    return prf(gold, pred), nchar / dt


def main():
    run_dir, out_dir = sys.argv[1], sys.argv[2]
    m, fp32 = export(run_dir, out_dir)
    import train
    train.SOFTLEX = bool(m.softlex_dim)  # the ORT check feeds the same SoftLexicon rows
    print("exported", fp32, os.path.getsize(fp32))
    quantize_embeddings(fp32, os.path.join(out_dir, "model.onnx"))
    int32_id_inputs(os.path.join(out_dir, "model.onnx"))
    print("int8-embedding model", os.path.getsize(os.path.join(out_dir, "model.onnx")))
    if "--lstm-fp32" not in sys.argv:  # int8 LSTM weights (0.4.1 on): ~2x faster in Node, same F1 (MODEL_CARD round 7)
        from quantize_lstm import quantize_lstm
        quantize_lstm(os.path.join(out_dir, "model.onnx"), os.path.join(out_dir, "model.onnx"))
        print("int8-LSTM model", os.path.getsize(os.path.join(out_dir, "model.onnx")))
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError:
        print("onnxruntime not available: skipping quantisation/check")
        return
    models = [("fp32", fp32)]
    for name, ops in (("int8", ["MatMul", "Gather", "LSTM"]), ("int8emb", ["Gather"])):
        q = os.path.join(out_dir, f"model.{name}.onnx")
        try:
            quantize_dynamic(fp32, q, weight_type=QuantType.QInt8, op_types_to_quantize=ops)
            print("quantised", name, os.path.getsize(q), flush=True)
            models.append((name, q))
        except Exception as e:  # noqa
            print("quantisation failed", name, repr(e), flush=True)
    res = {}
    for split in ("msra_test", "pku_dev", "msra_dev"):
        recs = load_split(split)
        for name, p in models:
            try:
                r, cps = ort_eval(p, m, recs)
            except Exception as e:  # noqa
                print("ort eval failed", name, repr(e), flush=True)
                continue
            res[f"{split}/{name}"] = {"f": r["ALL"]["f"], "chars_per_s_py_2thr": round(cps)}
            print(split, name, r["ALL"], round(cps), "chars/s", flush=True)
    json.dump(res, open(os.path.join(out_dir, "export_check.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
