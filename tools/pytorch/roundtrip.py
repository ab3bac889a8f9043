"""The PyTorch round trip that .ci/run runs: PyTorch model -> bptt-model/1 and
bptt-sequence/1 files -> `bin/unroll grad` -> the same numbers as PyTorch's autograd (1e-6),
and bptt-model/1 -> PyTorch modules -> the same parameters. Exits 1 naming the first
difference. Usage: /usr/bin/python3 tools/pytorch/roundtrip.py [UNROLL]
"""
import json
import os
import subprocess
import sys
import tempfile

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import unroll_torch as ut  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REL, ABS = 1e-6, 1e-9


def close(expected, actual, path, problems):
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        if expected != actual:
            problems.append("%s: expected %r, got %r" % (path, expected, actual))
    elif isinstance(expected, (int, float)):
        if not isinstance(actual, (int, float)):
            problems.append("%s: expected a number, got %r" % (path, actual))
        elif abs(expected - actual) > ABS and abs(expected - actual) > REL * abs(expected):
            problems.append("%s: expected %r, got %r" % (path, expected, actual))
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            problems.append("%s: expected %d entries, got %s" % (
                path, len(expected), len(actual) if isinstance(actual, list) else repr(actual)))
        else:
            for i, (e, a) in enumerate(zip(expected, actual)):
                close(e, a, "%s[%d]" % (path, i), problems)
    elif isinstance(expected, dict):
        for k, e in expected.items():
            if not isinstance(actual, dict) or k not in actual:
                problems.append("%s.%s: missing" % (path, k))
            else:
                close(e, actual[k], "%s.%s" % (path, k), problems)
    return problems


def batch(gen, nb, steps, width, lengths):
    x = torch.rand(nb, steps, width, generator=gen, dtype=torch.float64) * 2 - 1
    for b, n in enumerate(lengths):
        x[b, n:] = 0.0
    return x


def class_targets(gen, nb, steps, classes, lengths, keep=0.8, last_only=False):
    out = []
    for b in range(nb):
        row = []
        for t in range(steps):
            real = t < lengths[b]
            wanted = (t == lengths[b] - 1) if last_only else (torch.rand(1, generator=gen).item() < keep)
            row.append(int(torch.randint(classes, (1,), generator=gen)) if real and wanted else None)
        out.append(row)
    return out


def vector_targets(gen, nb, steps, width, lengths):
    out = []
    for b in range(nb):
        row = []
        for t in range(steps):
            if t < lengths[b] and torch.rand(1, generator=gen).item() < 0.8:
                row.append((torch.rand(width, generator=gen, dtype=torch.float64) * 2 - 1).tolist())
            else:
                row.append(None)
        out.append(row)
    return out


def cases():
    gen = torch.Generator().manual_seed(12)
    torch.manual_seed(12)
    out = []

    rnn = nn.RNN(3, 4, num_layers=3, nonlinearity="relu", batch_first=True).double()
    lin = nn.Linear(4, 3).double()
    lengths = [5, 2, 4]
    out.append(("rnn_relu_3layers_masked", rnn, lin, ut.sequence_json(
        batch(gen, 3, 5, 3, lengths), class_targets(gen, 3, 5, 3, lengths), lengths=lengths)))

    rnn = nn.LSTM(4, 3, num_layers=2, bidirectional=True, batch_first=True).double()
    lin = nn.Linear(6, 4).double()
    lengths = [3, 6, 1, 4]
    h0 = torch.rand(4, 4, 3, generator=gen, dtype=torch.float64) - 0.5
    c0 = torch.rand(4, 4, 3, generator=gen, dtype=torch.float64) - 0.5
    out.append(("bilstm_2layers_masked_h0_c0", rnn, lin, ut.sequence_json(
        batch(gen, 4, 6, 4, lengths), class_targets(gen, 4, 6, 4, lengths), lengths=lengths, h0=h0, c0=c0)))

    rnn = nn.GRU(2, 3, num_layers=1, bidirectional=True, batch_first=True).double()
    lin = nn.Linear(6, 2).double()
    lengths = [4, 2]
    out.append(("bigru_mse_masked", rnn, lin, ut.sequence_json(
        batch(gen, 2, 4, 2, lengths), vector_targets(gen, 2, 4, 2, lengths), loss="mse", lengths=lengths)))

    rnn = nn.GRU(3, 2, num_layers=2, batch_first=True).double()
    lin = nn.Linear(2, 3).double()
    lengths = [2, 5, 3]
    out.append(("gru_2layers_many_to_one", rnn, lin, ut.sequence_json(
        batch(gen, 3, 5, 3, lengths), class_targets(gen, 3, 5, 3, lengths, last_only=True), lengths=lengths)))

    rnn = nn.LSTM(3, 2, batch_first=True).double()
    lin = nn.Linear(2, 3).double()
    lengths = [3, 1]
    out.append(("lstm_batch_h0_c0", rnn, lin, ut.sequence_json(
        batch(gen, 2, 3, 3, lengths), class_targets(gen, 2, 3, 3, lengths), lengths=lengths,
        h0=torch.rand(1, 2, 2, generator=gen, dtype=torch.float64), c0=torch.rand(1, 2, 2, generator=gen,
                                                                                 dtype=torch.float64))))

    rnn = nn.LSTM(3, 2, num_layers=2, batch_first=True).double()
    lin = nn.Linear(2, 3).double()
    out.append(("lstm_2layers_one_sequence_h0", rnn, lin, ut.sequence_json(
        batch(gen, 1, 4, 3, [4])[0], class_targets(gen, 1, 4, 3, [4])[0],
        h0=torch.rand(2, 2, generator=gen, dtype=torch.float64))))

    rnn = nn.RNN(3, 4, batch_first=True).double()
    lin = nn.Linear(4, 3).double()
    out.append(("rnn_one_layer_one_sequence", rnn, lin, ut.sequence_json(
        batch(gen, 1, 5, 3, [5])[0], class_targets(gen, 1, 5, 3, [5])[0])))
    return out


def main():
    unroll = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bin", "unroll")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, rnn, lin, seq in cases():
            model_path = os.path.join(tmp, name + ".model.json")
            seq_path = os.path.join(tmp, name + ".seq.json")
            ut.export_model(rnn, lin, model_path)
            with open(seq_path, "w", encoding="utf-8") as f:
                json.dump(seq, f)
            expected = ut.autograd_gradients(rnn, lin, seq)
            run = subprocess.run([unroll, "grad", model_path, seq_path], capture_output=True, text=True)
            problems = []
            if run.returncode != 0:
                problems.append("bin/unroll grad exited %d: %s" % (run.returncode, run.stderr.strip()))
            else:
                close(expected, json.loads(run.stdout), "grad", problems)
            # the file read back into PyTorch gives the same modules
            rnn2, lin2, _ = ut.load_model(model_path)
            for (n, a), b in zip(list(rnn.state_dict().items()) + list(lin.state_dict().items()),
                                 list(rnn2.state_dict().values()) + list(lin2.state_dict().values())):
                if not torch.equal(a, b):
                    problems.append("read back: %s differs" % n)
            if problems:
                failures += 1
                print("FAIL %s: %s" % (name, problems[0]))
                for p in problems[1:5]:
                    print("     " + p)
            else:
                print("ok   %s" % name)
    fixtures = os.path.join(os.path.dirname(ROOT), "shared", "fixtures", "deep")
    if os.path.isdir(fixtures):
        # the Python side itself: the shared PyTorch fixtures, recomputed from their files
        for f in sorted(os.listdir(fixtures)):
            if not f.endswith(".model.json"):
                continue
            name = f[:-len(".model.json")]
            rnn, lin, _ = ut.load_model(os.path.join(fixtures, f))
            with open(os.path.join(fixtures, name + ".seq.json"), encoding="utf-8") as s:
                seq = json.load(s)
            with open(os.path.join(fixtures, name + ".grad.json"), encoding="utf-8") as g:
                want = json.load(g)
            problems = close(want, ut.autograd_gradients(rnn, lin, seq), "fixture", [])
            if problems:
                failures += 1
                print("FAIL fixture %s: %s" % (name, problems[0]))
            else:
                print("ok   fixture %s (autograd from the files)" % name)
    if failures:
        print("roundtrip: %d case(s) differ" % failures)
        return 1
    print("roundtrip: every case agrees with PyTorch autograd to 1e-6")
    return 0


if __name__ == "__main__":
    sys.exit(main())
