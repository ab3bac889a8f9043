"""Move models and batches between PyTorch and Unroll's files.

  export_model(rnn, linear, path, vocab=None)   nn.RNN / nn.LSTM / nn.GRU + nn.Linear -> bptt-model/1
  export_sequence(path, inputs, targets, ...)   a batch (or one sequence) -> bptt-sequence/1
  load_model(path)                              bptt-model/1 -> (rnn, linear), float64
  autograd_gradients(rnn, linear, seq)          what `bin/unroll grad` prints, computed by autograd

The recurrent module must be batch_first=True with biases; any num_layers, either direction.
Names follow the state_dict (weight_ih_l0, ..., weight_hh_l1_reverse); a one-layer,
one-direction model is written with the short names weight_ih ... bias_hh, as the format asks.
"""
import json
import os
import tempfile

import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

FORMAT_MODEL = "bptt-model/1"
FORMAT_SEQUENCE = "bptt-sequence/1"
FORMAT_GRADIENTS = "bptt-gradients/1"
_RECURRENT = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


def _cell_of(rnn):
    if isinstance(rnn, nn.LSTM):
        return "lstm"
    if isinstance(rnn, nn.GRU):
        return "gru"
    if isinstance(rnn, nn.RNN):
        return "rnn"
    raise TypeError("expected nn.RNN, nn.LSTM or nn.GRU, got %s" % type(rnn).__name__)


def _short(rnn):
    return rnn.num_layers == 1 and not rnn.bidirectional


def _file_name(rnn, state_dict_name):
    """weight_ih_l0 -> weight_ih for a one-layer, one-direction module; else unchanged."""
    if _short(rnn) and state_dict_name.endswith("_l0"):
        return state_dict_name[:-3]
    return state_dict_name


def _tensor(t):
    return t.detach().to(torch.float64).tolist()


def _write(obj, path):
    """Whole or not at all: a temporary file beside path, then renamed over it."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path), suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(obj, f, indent=1)
            f.write("\n")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def model_json(rnn, linear, vocab=None):
    """The bptt-model/1 object for a recurrent module and its output layer."""
    cell = _cell_of(rnn)
    if not rnn.batch_first:
        raise ValueError("export a batch_first=True module (the files are batch first)")
    if not rnn.bias:
        raise ValueError("the format has biases: use bias=True")
    if getattr(rnn, "proj_size", 0):
        raise ValueError("LSTM projections (proj_size) are not part of the format")
    directions = 2 if rnn.bidirectional else 1
    if linear.in_features != rnn.hidden_size * directions:
        raise ValueError("the output layer reads %d features, the module gives %d"
                         % (linear.in_features, rnn.hidden_size * directions))
    params = {}
    for name, value in rnn.state_dict().items():
        params[_file_name(rnn, name)] = _tensor(value)
    params["weight_out"] = _tensor(linear.weight)
    params["bias_out"] = _tensor(linear.bias)
    out = {"format": FORMAT_MODEL, "cell": cell}
    if cell == "rnn":
        out["nonlinearity"] = rnn.nonlinearity
    out.update({"input_size": rnn.input_size, "hidden_size": rnn.hidden_size,
                "output_size": linear.out_features, "num_layers": rnn.num_layers,
                "bidirectional": bool(rnn.bidirectional)})
    if vocab is not None:
        out["vocab"] = list(vocab)
    out["params"] = params
    return out


def export_model(rnn, linear, path, vocab=None):
    _write(model_json(rnn, linear, vocab), path)


def sequence_json(inputs, targets, loss="cross_entropy", lengths=None, h0=None, c0=None, text=None):
    """bptt-sequence/1 for inputs B x T x I (or T x I for one sequence).

    targets: B x T class indices (None = no loss there) or B x T x O vectors for "mse";
    lengths: B numbers (steps from lengths[b] on are padding); h0/c0: (L*D) x B x H
    ((L*D) x H, or H for one layer, for one sequence).
    """
    def plain(v):
        if isinstance(v, torch.Tensor):
            return v.detach().to(torch.float64).tolist() if v.is_floating_point() else v.tolist()
        return v
    out = {"format": FORMAT_SEQUENCE, "inputs": plain(inputs), "loss": loss, "targets": plain(targets)}
    if lengths is not None:
        out["lengths"] = [int(n) for n in plain(lengths)]
    if h0 is not None:
        out["h0"] = plain(h0)
    if c0 is not None:
        out["c0"] = plain(c0)
    if text is not None:
        out["text"] = text
    return out


def export_sequence(path, inputs, targets, loss="cross_entropy", lengths=None, h0=None, c0=None, text=None):
    _write(sequence_json(inputs, targets, loss, lengths, h0, c0, text), path)


def model_from_json(obj):
    """(rnn, linear, vocab) in float64 from a bptt-model/1 object."""
    if obj.get("format") != FORMAT_MODEL:
        raise ValueError("not a %s file" % FORMAT_MODEL)
    cell = obj["cell"]
    layers = int(obj.get("num_layers") or 1)
    bidirectional = bool(obj.get("bidirectional") or False)
    kwargs = dict(input_size=obj["input_size"], hidden_size=obj["hidden_size"], num_layers=layers,
                  bidirectional=bidirectional, batch_first=True, bias=True)
    if cell == "rnn":
        rnn = nn.RNN(nonlinearity=obj.get("nonlinearity") or "tanh", **kwargs)
    elif cell == "lstm":
        rnn = nn.LSTM(**kwargs)
    elif cell == "gru":
        rnn = nn.GRU(**kwargs)
    else:
        raise ValueError("unknown cell %r" % cell)
    rnn = rnn.double()
    directions = 2 if bidirectional else 1
    linear = nn.Linear(obj["hidden_size"] * directions, obj["output_size"]).double()
    params = obj["params"]
    state = {}
    for name in rnn.state_dict():
        key = name
        if key not in params:
            key = _file_name(rnn, name)
        if key not in params:
            raise ValueError("params.%s is missing" % name)
        state[name] = torch.tensor(params[key], dtype=torch.float64)
    rnn.load_state_dict(state)
    with torch.no_grad():
        linear.weight.copy_(torch.tensor(params["weight_out"], dtype=torch.float64))
        linear.bias.copy_(torch.tensor(params["bias_out"], dtype=torch.float64))
    return rnn, linear, obj.get("vocab")


def load_model(path):
    with open(path, encoding="utf-8") as f:
        return model_from_json(json.load(f))


def _depth(v):
    d = 0
    while isinstance(v, list):
        d += 1
        v = v[0] if v else None
    return d


def autograd_gradients(rnn, linear, seq):
    """bptt-gradients/1 for a bptt-sequence/1 object, by PyTorch autograd in float64.

    Padded steps have no output (0), no loss and leave the state alone, as
    pack_padded_sequence(..., enforce_sorted=False) runs them.
    """
    batched = _depth(seq["inputs"]) == 3
    x = torch.tensor(seq["inputs"] if batched else [seq["inputs"]], dtype=torch.float64)
    nb, steps, _ = x.shape
    lengths = torch.tensor(seq.get("lengths") or [steps] * nb, dtype=torch.int64)
    targets = seq["targets"] if batched else [seq["targets"]]
    directions = 2 if rnn.bidirectional else 1
    ld = rnn.num_layers * directions
    hs = rnn.hidden_size
    lstm = isinstance(rnn, nn.LSTM)

    def initial(name):
        v = seq.get(name)
        if v is None:
            return torch.zeros(ld, nb, hs, dtype=torch.float64, requires_grad=True), None
        t = torch.tensor(v, dtype=torch.float64)
        shape = t.shape
        t = t.reshape(ld, nb, hs).clone().requires_grad_(True)
        return t, shape

    h0, h0_shape = initial("h0")
    c0, c0_shape = initial("c0") if lstm else (None, None)
    rnn.zero_grad()
    linear.zero_grad()
    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    out, state = rnn(packed, (h0, c0) if lstm else h0)
    hidden, _ = pad_packed_sequence(out, batch_first=True, total_length=steps)
    real = (torch.arange(steps).unsqueeze(0) < lengths.unsqueeze(1)).to(torch.float64)
    y = linear(hidden) * real.unsqueeze(2)
    step_losses = torch.zeros(nb, steps, dtype=torch.float64)
    for b in range(nb):
        for t in range(int(lengths[b])):
            target = targets[b][t]
            if target is None:
                continue
            if seq["loss"] == "cross_entropy":
                step_losses[b, t] = -torch.log_softmax(y[b, t], dim=0)[int(target)]
            else:
                step_losses[b, t] = ((y[b, t] - torch.tensor(target, dtype=torch.float64)) ** 2).sum()
    loss = step_losses.sum()
    loss.backward()
    h_n, c_n = state if lstm else (state, None)

    def per_sequence(t):
        return _tensor(t) if batched else _tensor(t[0])

    def final(t):
        return _tensor(t) if batched else _tensor(t[:, 0, :])

    def initial_grad(t, shape):
        g = t.grad
        if shape is not None:
            return _tensor(g.reshape(shape))
        return _tensor(g) if batched else (_tensor(g[0, 0]) if ld == 1 else _tensor(g[:, 0, :]))

    grads = {}
    for name, p in rnn.named_parameters():
        grads[_file_name(rnn, name)] = _tensor(p.grad)
    grads["weight_out"] = _tensor(linear.weight.grad)
    grads["bias_out"] = _tensor(linear.bias.grad)
    result = {"format": FORMAT_GRADIENTS, "loss": float(loss), "step_losses": per_sequence(step_losses),
              "outputs": per_sequence(y), "hidden": per_sequence(hidden), "grads": grads,
              "final_hidden": final(h_n), "dh0": initial_grad(h0, h0_shape)}
    if lstm:
        result["final_cells"] = final(c_n)
        result["dc0"] = initial_grad(c0, c0_shape)
    return result
