#!/bin/bash
# Side by side, in one go: our HW3 3.1.6 run (MLP_lr0.01_b5: 784-128-10, SGD lr 0.01, batch 5, the 10,000 Fashion-MNIST
# training images of data/fashion-mnist) and our (10000x784)(784x128) product, then, where python3 can import NumPy
# (and PyTorch), the same training loop and product in them on the same data, in float64, with the ratios.
# Python is optional: without it (or without NumPy) only our figures print. Epoch times are the training steps only
# (no evaluation), as the log's epoch_seconds are.
# usage: tools/bench/side-by-side.sh [--epochs N]   (from anywhere; N >= 2, default 3; PYTHON=path picks the python)
# Run it on a quiet machine (`uptime`): every figure is wall-clock time.
set -eu
epochs=3
if [ "${1:-}" = "--epochs" ]; then epochs=$2; fi
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building (Release) ..."
dotnet build -c Release grader/Autograder.Cli -v q -nologo > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
dotnet build -c Release tests/Benchmarks -v q -nologo > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"

# --- ours: `autograder train` (start-up, data load, gradient and magnitude checks, training, evaluation) ---
train=(dotnet grader/Autograder.Cli/bin/Release/net10.0/autograder.dll train
  reference/experiments/hw3-fashion-mlp/mlp_lr0.01_b5.yaml --epochs "$epochs" --out "$tmp/logs")
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$tmp/rss" "${train[@]}" > "$tmp/train.out"
  rss="$(( $(tail -1 "$tmp/rss") / 1000 )) MB"
else
  "${train[@]}" > "$tmp/train.out"
  rss="n/a (no /usr/bin/time)"
fi
wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
# epoch_seconds: [e1, e2, ...] in the log, one value a line
mapfile -t secs < <(sed -n '/"epoch_seconds"/,/]/p' "$tmp/logs/MLP_lr0.01_b5.json" | grep -oE '[0-9]+\.[0-9]+')
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ours_first=${secs[0]}
ours_rest=$(median "${secs[@]:1}")
printf 'ours   MLP_lr0.01_b5: epoch 1 %.3f s, epochs 2-%d median %.3f s; whole run %.2f s wall, peak RSS %s\n' \
  "$ours_first" "$epochs" "$ours_rest" "$wall" "$rss"

# --- ours: the product, kernel into a preallocated output and Tensor.MatMul (allocation included) ---
line=$(dotnet tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll matmul --shape 10000x784x128)
ours_mm=$(echo "$line" | grep -oE '"seconds":[0-9.E+-]+' | cut -d: -f2)
ours_api=$(echo "$line" | grep -oE '"apiSeconds":[0-9.E+-]+' | cut -d: -f2)
gf() { awk -v s="$1" 'BEGIN {printf "%.1f", 2 * 10000 * 784 * 128 / s / 1e9}'; }
printf 'ours   matmul (10000x784)(784x128): kernel %.2f ms (%s GFLOP/s), Tensor.MatMul %.2f ms (%s GFLOP/s)\n' \
  "$(awk -v s="$ours_mm" 'BEGIN{print s*1e3}')" "$(gf "$ours_mm")" "$(awk -v s="$ours_api" 'BEGIN{print s*1e3}')" "$(gf "$ours_api")"

# --- NumPy / PyTorch, where installed ---
# The first of $PYTHON, python3 on PATH and the system's /usr/bin/python3 that can import NumPy (a pyenv python3
# on PATH often has none while Debian's python3-numpy sits under /usr/bin).
py=""
for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
  if command -v "$candidate" > /dev/null && "$candidate" -c 'import numpy' 2> /dev/null; then py=$candidate; break; fi
done
if [ -z "$py" ]; then
  echo "numpy  not installed (no python3 here imports numpy; PYTHON=... names one): no comparison"
  exit 0
fi
echo "python: $py ($("$py" -c 'import sys, numpy; print(sys.version.split()[0], "numpy", numpy.__version__)'))"
"$py" - "$epochs" > "$tmp/py.out" << 'EOF'
import gzip, os, statistics, sys, time
import numpy as np

epochs = int(sys.argv[1])
def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)
x = idx("data/fashion-mnist/train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float64) / 255.0
y = idx("data/fashion-mnist/train-labels-idx1-ubyte.gz", 8).astype(np.int64)
n, batch, lr = x.shape[0], 5, 0.01

def run(lib, name):
    # The seed's loop: a1 = x W1 + b1, h1 = relu(a1), a2 = h1 W2 + b2, softmax cross-entropy, backward, SGD.
    if lib == "torch":
        import torch
        torch.set_num_threads(os.cpu_count() or 1)
        T = lambda a: torch.from_numpy(np.ascontiguousarray(a))
        X, Y = T(x), T(y)
        relu_mask, exp, perm = (lambda a: (a > 0).to(a.dtype)), torch.exp, (lambda r: T(r.permutation(n)))
        rows = lambda a, k: a.sum(dim=0)
        mx = lambda a: a.max(dim=1, keepdim=True).values
        sm = lambda a: a.sum(dim=1, keepdim=True)
        mm = lambda a, b: a @ b
    else:
        T = lambda a: a
        X, Y = x, y
        relu_mask, exp, perm = (lambda a: (a > 0).astype(a.dtype)), np.exp, (lambda r: r.permutation(n))
        rows = lambda a, k: a.sum(axis=0)
        mx = lambda a: a.max(axis=1, keepdims=True)
        sm = lambda a: a.sum(axis=1, keepdims=True)
        mm = lambda a, b: a @ b
    r = np.random.default_rng(42)
    rows_of_batch = T(np.arange(batch))
    W1, b1 = T(r.normal(0, 0.05, (784, 128))), T(np.zeros(128))
    W2, b2 = T(r.normal(0, 0.05, (128, 10))), T(np.zeros(10))
    times = []
    for e in range(epochs):
        order = perm(r)
        start = time.perf_counter()
        for s in range(0, n - batch + 1, batch):
            idx_ = order[s:s + batch]
            xb, yb = X[idx_], Y[idx_]
            a1 = mm(xb, W1) + b1
            h1 = a1 * relu_mask(a1)
            a2 = mm(h1, W2) + b2
            p = exp(a2 - mx(a2))
            p = p / sm(p)
            g2 = p.clone() if lib == "torch" else p.copy()
            g2[rows_of_batch, yb] -= 1
            g2 /= batch
            dW2, db2 = mm(h1.T, g2), rows(g2, 0)
            g1 = mm(g2, W2.T) * relu_mask(a1)
            dW1, db1 = mm(xb.T, g1), rows(g1, 0)
            W1 -= lr * dW1; b1 -= lr * db1; W2 -= lr * dW2; b2 -= lr * db2
        times.append(time.perf_counter() - start)
    A, B = T(r.normal(0, 1, (10000, 784))), T(r.normal(0, 1, (784, 128)))
    for _ in range(3):
        mm(A, B)
    reps = []
    for _ in range(15):
        start = time.perf_counter()
        mm(A, B)
        reps.append(time.perf_counter() - start)
    print(name, times[0], statistics.median(times[1:]), statistics.median(reps))

run("numpy", "numpy")
try:
    import torch  # noqa: F401
    run("torch", "pytorch")
except ImportError:
    print("pytorch missing")
EOF
while read -r name first rest mm; do
  if [ "$first" = "missing" ]; then echo "pytorch not installed: NumPy only"; continue; fi
  printf '%-6s MLP_lr0.01_b5: epoch 1 %.3f s, epochs 2-%d median %.3f s (x%.2f of ours: %.2f);  matmul %.2f ms, %s GFLOP/s (x%.2f of our Tensor.MatMul)\n' \
    "$name" "$first" "$epochs" "$rest" "$(awk -v a="$rest" -v b="$ours_rest" 'BEGIN{print a/b}')" "$ours_rest" \
    "$(awk -v s="$mm" 'BEGIN{print s*1e3}')" "$(gf "$mm")" "$(awk -v a="$mm" -v b="$ours_api" 'BEGIN{print a/b}')"
done < "$tmp/py.out"
echo "(x > 1: slower than ours)"
