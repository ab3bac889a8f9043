#!/usr/bin/python3
"""Replays a bptt-train/1 run in PyTorch (float64, autograd, torch.optim, clip_grad_norm_) and
compares it with `bin/unroll train` on the same file, number by number (relative 1e-6,
absolute 1e-9 near zero).

usage: train_check.py BIN_UNROLL RUN.train.json [RUN.train.json ...]   -> one line per run; exit 1 on a mismatch
"""
import json, math, os, subprocess, sys
import torch

torch.set_default_dtype(torch.float64)


def load_model(spec, path):
    m = spec["model"]
    if isinstance(m, str):
        with open(os.path.join(os.path.dirname(path), m)) as f:
            m = json.load(f)
    return m


def torch_run(spec, path):
    m = load_model(spec, path)
    cell, i, h, o = m["cell"], m["input_size"], m["hidden_size"], m["output_size"]
    if cell == "rnn":
        rnn = torch.nn.RNN(i, h, nonlinearity=m.get("nonlinearity", "tanh"), batch_first=True)
    else:
        rnn = getattr(torch.nn, cell.upper())(i, h, batch_first=True)
    out = torch.nn.Linear(h, o)
    p = m["params"]
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(rnn, name + "_l0").copy_(torch.tensor(p[name]))
        out.weight.copy_(torch.tensor(p["weight_out"]))
        out.bias.copy_(torch.tensor(p["bias_out"]))
    params = [rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0, out.weight, out.bias]
    opt_spec = spec["optimizer"]
    if opt_spec["name"] == "sgd":
        opt = torch.optim.SGD(params, lr=opt_spec["lr"])
    elif opt_spec["name"] == "momentum":
        opt = torch.optim.SGD(params, lr=opt_spec["lr"], momentum=opt_spec["momentum"])
    else:
        opt = torch.optim.Adam(params, lr=opt_spec["lr"], betas=tuple(opt_spec.get("betas", (0.9, 0.999))),
                               eps=opt_spec.get("eps", 1e-8))
    data = spec["data"]
    x = torch.tensor(data["inputs"])                  # B x N x I
    b, n = x.shape[0], x.shape[1]
    targets = data["targets"]
    mse = data["loss"] == "mse"
    k = spec.get("num_steps") or n
    stateful = spec.get("stateful", False)
    clip = spec.get("clip_norm")
    mean = spec.get("reduction", "mean") == "mean"
    updates = []
    state = None
    for epoch in range(spec.get("epochs", 1)):
        state = None
        for w, start in enumerate(range(0, n, k)):
            end = min(n, start + k)
            if not stateful:
                state = None
            if state is not None:
                state = tuple(s.detach() for s in state) if cell == "lstm" else state.detach()
            hs, state = rnn(x[:, start:end], state)
            y = out(hs)
            loss, count = 0.0, 0
            for s in range(b):
                for t in range(start, end):
                    tg = targets[s][t]
                    if tg is None:
                        continue
                    count += 1
                    if mse:
                        loss = loss + ((y[s, t - start] - torch.tensor(tg)) ** 2).sum()
                    else:
                        loss = loss - torch.log_softmax(y[s, t - start], -1)[tg]
            if count == 0:
                continue
            if mean:
                loss = loss / count
            opt.zero_grad()
            loss.backward()
            norm = math.sqrt(sum(float((q.grad ** 2).sum()) for q in params))
            if clip:
                torch.nn.utils.clip_grad_norm_(params, clip)
            opt.step()
            updates.append({"epoch": epoch, "window": w, "loss": float(loss), "grad_norm": norm})
    names = ["weight_ih", "weight_hh", "bias_ih", "bias_hh", "weight_out", "bias_out"]
    log = {"updates": updates, "params": {nm: q.detach().tolist() for nm, q in zip(names, params)}}
    if cell == "lstm":
        log["state"] = {"h": state[0][0].detach().tolist(), "c": state[1][0].detach().tolist()}
    else:
        log["state"] = {"h": state[0].detach().tolist()}
    return log


def close(e, a, where, bad):
    if isinstance(e, dict):
        for key in e:
            close(e[key], a.get(key) if isinstance(a, dict) else None, where + "." + key, bad)
    elif isinstance(e, list):
        if not isinstance(a, list) or len(a) != len(e):
            bad.append(f"{where}: expected {len(e)} entries, got {a if not isinstance(a, list) else len(a)}")
            return
        for j, (u, v) in enumerate(zip(e, a)):
            close(u, v, f"{where}[{j}]", bad)
    elif isinstance(e, (int, float)) and not isinstance(e, bool):
        if a is None or abs(e - a) > max(1e-9, 1e-6 * abs(e)):
            bad.append(f"{where}: PyTorch {e}, Unroll {a}")
    elif e != a:
        bad.append(f"{where}: PyTorch {e}, Unroll {a}")


def main():
    unroll, files = sys.argv[1], sys.argv[2:]
    failed = False
    for path in files:
        with open(path) as f:
            spec = json.load(f)
        expected = torch_run(spec, path)
        got = json.loads(subprocess.run([unroll, "train", "--quiet", path], check=True, capture_output=True,
                                        text=True).stdout)
        bad = []
        close(expected, got, os.path.basename(path), bad)
        if bad:
            failed = True
            print(f"{path}: {len(bad)} numbers differ, first: {bad[0]}")
        else:
            print(f"{path}: {len(expected['updates'])} updates, every number equals PyTorch's")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
