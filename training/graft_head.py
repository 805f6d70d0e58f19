"""Graft an extra output head (training/add_head.py) onto a shipped model folder, leaving the news head's graph,
weights and outputs as they were. The main graph only names the BiLSTM states (the news head's input) as a second
output, `states` (ONNX Runtime computes every node of a graph whichever outputs are fetched, so a head inside it would
slow the news path; naming an existing tensor costs nothing). The head is its own small graph, head.NAME.onnx
(`states` in, and `lengths` when the head has a BiLSTM of its own; `emissions` out), run only when asked
(MODEL_HEAD=NAME, `npm run eval -- --head NAME`); its CRF goes into crf.json `heads`, its file and description into
meta.json `heads`.

Usage: graft_head.py MODEL_DIR HEAD.pt NAME "conventions in words"      (HEAD.pt: add_head.py's or ensemble_heads.py's output)
"""
import inspect
import json
import os
import sys

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper, TensorProto

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from add_head import Head, HeadEnsemble  # noqa: E402
from export import wire_lengths  # noqa: E402
from train import FOLD_COMPANY  # noqa: E402  (corpora without a company type)


def name_states(g):
    """Rename the news head's input tensor (the BiLSTM states) to `states` and make it a graph output."""
    if any(o.name == "states" for o in g.graph.output):
        return next(o for o in g.graph.output if o.name == "states").type.tensor_type.shape.dim[2].dim_value
    add = next(n for n in g.graph.node if "emissions" in n.output)
    mm = next(n for n in g.graph.node if n.op_type == "MatMul" and n.output[0] in add.input)
    inits = {i.name: i for i in g.graph.initializer}
    old = next(v for v in mm.input if v not in inits)
    dim = next(inits[v] for v in mm.input if v in inits).dims[0]
    for n in g.graph.node:
        n.output[:] = ["states" if x == old else x for x in n.output]
        n.input[:] = ["states" if x == old else x for x in n.input]
    g.graph.output.append(helper.make_tensor_value_info("states", TensorProto.FLOAT, ["B", "T", dim]))
    return dim


def lstm_head_graph(head, dim):
    """A head with a BiLSTM of its own (add_head.py --lstm-head), or an ensemble of such heads (ensemble_heads.py):
    add_head.py's Head / HeadEnsemble rebuilt with the trained weights, exported by torch, each LSTM's sequence_lens
    wired to a `lengths` input (export.py's wire_lengths)."""
    if "members" in head:
        m = HeadEnsemble([Head.from_saved(h, dim) for h in head["members"]])
    else:
        m = Head.from_saved(head, dim)
    kw = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    raw = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"head_{os.getpid()}.onnx")
    torch.onnx.export(m.eval(), (torch.zeros(2, 5, dim),), raw, input_names=["states"], output_names=["emissions"],
                      dynamic_axes={"states": {0: "B", 1: "T"}, "emissions": {0: "B", 1: "T"}}, opset_version=17, **kw)
    hm = wire_lengths(onnx.load(raw))
    os.remove(raw)
    hm.producer_name = "training/graft_head.py"
    return hm


def mlp_head_graph(layers, dim, name):
    """A head of linear layers (ReLU between) over `states`, written node by node."""
    nodes, inits, x = [], [], "states"
    for i, (w, b) in enumerate(layers):
        p = f"layer{i}"
        inits += [numpy_helper.from_array(np.ascontiguousarray(w.T), p + "_w"), numpy_helper.from_array(b, p + "_b")]
        last = i + 1 == len(layers)
        nodes += [helper.make_node("MatMul", [x, p + "_w"], [p + "_mm"], name=p + "/MatMul"),
                  helper.make_node("Add", [p + "_mm", p + "_b"], ["emissions" if last else p + "_a"], name=p + "/Add")]
        if not last:
            nodes.append(helper.make_node("Relu", [p + "_a"], [p + "_y"], name=p + "/Relu"))
            x = p + "_y"
    K = layers[-1][0].shape[0]
    hg = helper.make_graph(nodes, f"head_{name}", [helper.make_tensor_value_info("states", TensorProto.FLOAT, ["B", "T", dim])],
                           [helper.make_tensor_value_info("emissions", TensorProto.FLOAT, ["B", "T", K])], inits)
    return helper.make_model(hg, opset_imports=[helper.make_opsetid("", 17)], producer_name="training/graft_head.py")


def main():
    model_dir, head_path, name, conventions = sys.argv[1:5]
    head = torch.load(head_path, map_location="cpu")
    members = head.get("members", [head])  # an ensemble's members share one shape
    assert len(members) == 1 or members[0].get("lstm") is not None, "ensembles of BiLSTM heads only"
    layers = [(w.float().numpy(), b.float().numpy()) for w, b in members[0]["layers"]]  # ReLU between layers
    lstm = members[0].get("lstm")
    path = os.path.join(model_dir, "model.onnx")
    g = onnx.load(path)
    dim = name_states(g)
    lstm_dim = int(lstm["weight_hh_l0"].shape[1]) if lstm is not None else 0
    # (a head trained with add_head.py --with-features reads the input features too, which no graph names: it stops here)
    assert layers[0][0].shape[1] == dim + 2 * lstm_dim, (layers[0][0].shape, dim, lstm_dim,
                                                         "a --with-features head cannot be grafted")
    onnx.checker.check_model(g)
    onnx.save(g, path)
    hm = lstm_head_graph(head, dim) if lstm is not None else mlp_head_graph(layers, dim, name)
    hm.ir_version = g.ir_version
    onnx.checker.check_model(hm)
    file = f"head.{name}.onnx"
    onnx.save(hm, os.path.join(model_dir, file))
    crf_path = os.path.join(model_dir, "crf.json")
    crf = json.load(open(crf_path))
    crf.setdefault("heads", {})[name] = head["crf"]
    json.dump(crf, open(crf_path, "w"))
    meta_path = os.path.join(model_dir, "meta.json")
    meta = json.load(open(meta_path))
    entry = {"file": file, "conventions": conventions, "corpus": head["corpus"],
             "layers": [list(w.shape[::-1]) for w, _ in layers]}
    if lstm is not None:
        entry["lstm"] = [dim, lstm_dim]  # a BiLSTM of its own first: input size, hidden size per direction
    if len(members) > 1:
        entry["members"] = len(members)  # the graph's emissions are the mean of this many heads of that shape
    if head["corpus"] in FOLD_COMPANY:  # the corpus has no company type: its COMPANY-or-ORG spans are ORG
        entry["typeMap"] = {"COMPANY": "ORG"}
    meta.setdefault("heads", {})[name] = entry
    meta.setdefault("outputs", {})["states"] = f"float32 [B,T,{dim}] (the BiLSTM states: the heads' input)"
    json.dump(meta, open(meta_path, "w"), indent=1, ensure_ascii=False)
    print(f"grafted head {name} ({len(layers)} layer(s)) onto {model_dir}: {file}")


if __name__ == "__main__":
    main()
