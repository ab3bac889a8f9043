#!/usr/bin/python3
"""Replays a bptt-train/1 run in PyTorch (float64, autograd, torch.optim, clip_grad_norm_) and
compares it with `bin/unroll train` on the same file, number by number (relative 1e-6,
absolute 1e-9 near zero).

usage: train_check.py BIN_UNROLL RUN.train.json [RUN.train.json ...]   -> one line per run; exit 1 on a mismatch
       train_check.py --pytorch-log RUN.train.json [...]   -> writes PyTorch's bptt-trainlog/1 beside each, RUN.log.json
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
    layers, bidi = m.get("num_layers", 1), m.get("bidirectional", False)
    dirs = 2 if bidi else 1
    single = layers == 1 and dirs == 1
    if cell == "rnn":
        rnn = torch.nn.RNN(i, h, nonlinearity=m.get("nonlinearity", "tanh"), batch_first=True,
                           num_layers=layers, bidirectional=bidi)
    else:
        rnn = getattr(torch.nn, cell.upper())(i, h, batch_first=True, num_layers=layers, bidirectional=bidi)
    out = torch.nn.Linear(h * dirs, o)
    p = m["params"]
    # the file's names: weight_ih ... for one layer and one direction, else PyTorch's weight_ih_l0 ...
    names, params = [], []
    with torch.no_grad():
        for k in range(layers):
            for d in range(dirs):
                for base in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                    torch_name = base + "_l" + str(k) + ("_reverse" if d == 1 else "")
                    name = base if single and base in p else torch_name
                    getattr(rnn, torch_name).copy_(torch.tensor(p[name]))
                    names.append(base if single else torch_name)
                    params.append(getattr(rnn, torch_name))
        out.weight.copy_(torch.tensor(p["weight_out"]))
        out.bias.copy_(torch.tensor(p["bias_out"]))
    names += ["weight_out", "bias_out"]
    params += [out.weight, out.bias]
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
    log = {"updates": updates, "params": {nm: q.detach().tolist() for nm, q in zip(names, params)}}
    # h_n (and c_n): B x H for one layer and one direction, else (L*D) x B x H as PyTorch returns it
    pick = (lambda s: s[0]) if single else (lambda s: s)
    if cell == "lstm":
        log["state"] = {"h": pick(state[0]).detach().tolist(), "c": pick(state[1]).detach().tolist()}
    else:
        log["state"] = {"h": pick(state).detach().tolist()}
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
    if unroll == "--pytorch-log":
        for path in files:
            with open(path) as f:
                log = torch_run(json.load(f), path)
            log = {"format": "bptt-trainlog/1", **log}
            out = path[:-len(".train.json")] + ".log.json"
            with open(out, "w") as f:
                json.dump(log, f)
            print(out)
        return
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
