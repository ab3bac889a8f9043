#!/usr/bin/python3
"""Writes bptt-train/1 runs of stacked and bidirectional networks (PyTorch's own initialisation,
float64) for train_check.py: every cell, stateful and stateless, a short last window, windows
without targets, Adam with other betas, clipping that bites, MSE and cross-entropy.

usage: stacked_train_cases.py OUT_DIR   -> writes OUT_DIR/*.train.json and prints their paths
"""
import json, os, sys
import torch

torch.set_default_dtype(torch.float64)

# name, cell, nonlinearity, layers, bidirectional, loss, B, N, k, stateful, epochs, optimizer, clip, reduction, empty window
CASES = [
    ("lstm-2x-bi-stateful-adam-clip", "lstm", None, 2, True, "cross_entropy", 3, 10, 3, True, 2,
     {"name": "adam", "lr": 0.02, "betas": [0.8, 0.99], "eps": 1e-6}, 0.1, "mean", True),
    ("gru-3x-stateless-momentum-mse-sum", "gru", None, 3, False, "mse", 2, 8, 3, False, 2,
     {"name": "momentum", "lr": 0.02, "momentum": 0.7}, None, "sum", False),
    ("rnn-relu-1x-bi-stateful-sgd-mse-clip", "rnn", "relu", 1, True, "mse", 4, 9, 4, True, 2,
     {"name": "sgd", "lr": 0.05}, 0.3, "mean", False),
    ("rnn-tanh-2x-stateful-adam-empty", "rnn", "tanh", 2, False, "cross_entropy", 3, 11, 4, True, 3,
     {"name": "adam", "lr": 0.03}, None, "mean", True),
    ("gru-2x-bi-stateful-momentum-sum-clip", "gru", None, 2, True, "cross_entropy", 2, 7, 3, True, 2,
     {"name": "momentum", "lr": 0.01, "momentum": 0.9}, 0.5, "sum", False),
    ("lstm-3x-bi-stateless-sgd-mse", "lstm", None, 3, True, "mse", 2, 9, 4, False, 2,
     {"name": "sgd", "lr": 0.1}, None, "mean", True),
    ("lstm-2x-stateful-adam-betas-mse-clip", "lstm", None, 2, False, "mse", 3, 12, 5, True, 2,
     {"name": "adam", "lr": 0.01, "betas": [0.5, 0.9], "eps": 1e-4}, 0.05, "sum", False),
]


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for n, (name, cell, act, layers, bidi, loss, b, steps, k, stateful, epochs, opt, clip, red, empty) in enumerate(CASES):
        torch.manual_seed(100 + n)
        i, h, o = 3, 4, 3
        if cell == "rnn":
            rnn = torch.nn.RNN(i, h, nonlinearity=act, num_layers=layers, bidirectional=bidi)
        else:
            rnn = getattr(torch.nn, cell.upper())(i, h, num_layers=layers, bidirectional=bidi)
        lin = torch.nn.Linear(h * (2 if bidi else 1), o)
        params = {nm: t.detach().tolist() for nm, t in rnn.named_parameters()}
        params["weight_out"] = lin.weight.detach().tolist()
        params["bias_out"] = lin.bias.detach().tolist()
        model = {"format": "bptt-model/1", "cell": cell, "input_size": i, "hidden_size": h, "output_size": o,
                 "num_layers": layers, "bidirectional": bidi, "params": params}
        if act:
            model["nonlinearity"] = act
        g = torch.Generator().manual_seed(7 + n)
        x = torch.randn(b, steps, i, generator=g).tolist()
        targets = []
        for s in range(b):
            row = []
            for t in range(steps):
                none = (empty and t // k == 1) or torch.rand(1, generator=g).item() < 0.2
                if none:
                    row.append(None)
                elif loss == "mse":
                    row.append(torch.randn(o, generator=g).tolist())
                else:
                    row.append(int(torch.randint(o, (1,), generator=g).item()))
            targets.append(row)
        spec = {"format": "bptt-train/1", "model": model,
                "data": {"loss": loss, "inputs": x, "targets": targets},
                "num_steps": k, "stateful": stateful, "epochs": epochs, "optimizer": opt, "reduction": red}
        if clip:
            spec["clip_norm"] = clip
        path = os.path.join(out_dir, name + ".train.json")
        with open(path, "w") as f:
            json.dump(spec, f)
        print(path)


if __name__ == "__main__":
    main()
