"""Int8 weights for the BiLSTM: replace the ONNX LSTM node by ONNX Runtime's DynamicQuantizeLSTM (com.microsoft),
with per-gate-channel symmetric weights and activations quantised at run time. Done by hand with the onnx package
(Python's onnxruntime, whose quantize_dynamic does the same, is not installable here).

Weights use 7 bits (|q| <= 63) by default: ONNX Runtime's u8 x s8 kernels on x86 CPUs without VNNI add pairs of
products in int16, which 8-bit weights can overflow; 7 bits cannot, so the model gives the same answers on any x86
CPU. On this project's machine 7 and 8 bits scored the same (MODEL_CARD, round 7).

Usage: quantize_lstm.py IN.onnx OUT.onnx [QMAX]
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper


def quantize_lstm(src, dst, qmax=63):
    m = onnx.load(src)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    node = next(n for n in g.node if n.op_type == "LSTM")
    new = []
    for tag, name in (("W", node.input[1]), ("R", node.input[2])):
        w = numpy_helper.to_array(inits[name]).astype(np.float32)  # [D, 4H, in]
        wt = np.transpose(w, (0, 2, 1))  # DynamicQuantizeLSTM takes [D, in, 4H]
        scale = np.abs(wt).max(axis=1) / qmax  # one scale per direction and gate channel: [D, 4H]
        scale[scale == 0] = 1.0
        q = np.clip(np.round(wt / scale[:, None, :]), -qmax, qmax).astype(np.int8)
        base = f"lstm_{tag}_int8"
        new += [numpy_helper.from_array(q, base), numpy_helper.from_array(scale.astype(np.float32), base + "_scale"),
                numpy_helper.from_array(np.zeros(scale.shape, np.int8), base + "_zp")]
        g.initializer.remove(inits[name])
    g.initializer.extend(new)
    rest = [node.input[i] if i < len(node.input) else "" for i in range(3, 8)]  # B, sequence_lens, h0, c0, P
    inputs = [node.input[0], "lstm_W_int8", "lstm_R_int8", *rest,
              "lstm_W_int8_scale", "lstm_W_int8_zp", "lstm_R_int8_scale", "lstm_R_int8_zp"]
    q_node = helper.make_node("DynamicQuantizeLSTM", inputs, list(node.output), name="lstm_int8", domain="com.microsoft")
    q_node.attribute.extend(node.attribute)
    at = list(g.node).index(node)
    g.node.remove(node)
    g.node.insert(at, q_node)
    if not any(o.domain == "com.microsoft" for o in m.opset_import):
        m.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(m, dst)


def dequantized_lstm(inits, node):
    """W, R in the ONNX LSTM layout ([D, 4H, in]) from a DynamicQuantizeLSTM node's initialisers (for from_onnx.py)."""
    out = []
    for k, s in ((1, 8), (2, 10)):
        q, scale = inits[node.input[k]].astype(np.float32), inits[node.input[s]]
        scale = scale.reshape(scale.shape[0], 1, -1) if scale.ndim == 2 else scale.reshape(-1, 1, 1)
        out.append(np.ascontiguousarray(np.transpose(q * scale, (0, 2, 1))))
    return out


if __name__ == "__main__":
    quantize_lstm(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 63)
    print("saved", sys.argv[2])
