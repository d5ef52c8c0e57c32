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
# As a user runs it: `autograder train` trains in a child runtime with the tier-up setting a kit's tools/Run has
# (TrainingGc.props: call counting from the start; grader/Autograder.Cli/Commands/TrainingProcess.cs).
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

# --- ours: every shape of `Benchmarks matmul`, kernel into a preallocated output and Tensor.MatMul (allocation included) ---
dotnet tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll matmul > "$tmp/mm.json"
field() { grep -oE "\"$1\":\"?[^,\"]+" | cut -d: -f2 | tr -d '"'; }
while read -r line; do
  echo "$(echo "$line" | field op) $(echo "$line" | field m) $(echo "$line" | field k) $(echo "$line" | field n) $(echo "$line" | field seconds) $(echo "$line" | field apiSeconds)"
done < "$tmp/mm.json" > "$tmp/mm.txt"
line=$(grep -E '^A\*B 10000 784 128 ' "$tmp/mm.txt")
read -r _ _ _ _ ours_mm ours_api <<< "$line"
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
# NumPy and PyTorch run twice, with one BLAS thread and with one per core: OpenBLAS's threads cost NumPy more than
# they bring on this loop's small products (2026-12-07 on the 2-core VM: 0.38 s an epoch with one thread, 1.03 s with
# two), so each of their figures below is compared at its faster setting as well as at each.
cat > "$tmp/sbs.py" << 'EOF'
import gzip, os, statistics, sys, time
import numpy as np

epochs = int(sys.argv[1])
threads = int(sys.argv[3])
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
        torch.set_num_threads(threads)
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
    print(name, threads, times[0], statistics.median(times[1:]), statistics.median(reps))

def shapes(lib):
    # Every shape of `Benchmarks matmul` (op m k n per line of argv[2]): median seconds of `A @ B`, which allocates
    # its result as Tensor.MatMul does; At*B and A*Bt take the transposed views, as ours do.
    mm = (lambda a, b: a @ b)
    r = np.random.default_rng(7)
    if lib == "torch":
        import torch
        T = lambda a: torch.from_numpy(np.ascontiguousarray(a))
    else:
        T = lambda a: a
    out = []
    for line in open(sys.argv[2]):
        op, m, k, n = line.split()[:4]
        m, k, n = int(m), int(k), int(n)
        a = T(r.normal(0, 1, (k, m))).T if op == "At*B" else T(r.normal(0, 1, (m, k)))
        b = T(r.normal(0, 1, (n, k))).T if op == "A*Bt" else T(r.normal(0, 1, (k, n)))
        start = time.perf_counter()
        calls = 0
        while time.perf_counter() - start < 0.2:
            mm(a, b)
            calls += 1
        per = max(1, int(0.02 * calls / (time.perf_counter() - start)))
        samples = []
        for _ in range(15):
            t = time.perf_counter()
            for _ in range(per):
                mm(a, b)
            samples.append((time.perf_counter() - t) / per)
        out.append("%s:%d:%d:%d=%.6g" % (op, m, k, n, statistics.median(samples)))
    print("shapes", lib, threads, " ".join(out))

run("numpy", "numpy")
shapes("numpy")
try:
    import torch  # noqa: F401
    run("torch", "pytorch")
    shapes("torch")
except ImportError:
    print("pytorch missing")
EOF
settings=(1)
if [ "$(nproc)" -gt 1 ]; then settings+=("$(nproc)"); fi
: > "$tmp/py.out"
for threads in "${settings[@]}"; do
  OPENBLAS_NUM_THREADS=$threads OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads \
    "$py" "$tmp/sbs.py" "$epochs" "$tmp/mm.txt" "$threads" >> "$tmp/py.out"
done
grep -E '^shapes ' "$tmp/py.out" | cut -d' ' -f2- > "$tmp/py.shapes" || true
grep -vE '^shapes ' "$tmp/py.out" > "$tmp/py.runs" || true
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
line_for() { # name label first rest mm
  printf '%-6s %-22s MLP_lr0.01_b5: epoch 1 %.3f s (x%s of ours), epochs 2-%d median %.3f s (x%s of ours);  matmul %.2f ms, %s GFLOP/s (x%s of our Tensor.MatMul)\n' \
    "$1" "$2" "$3" "$(ratio "$3" "$ours_first")" "$epochs" "$4" "$(ratio "$4" "$ours_rest")" \
    "$(awk -v s="$5" 'BEGIN{print s*1e3}')" "$(gf "$5")" "$(ratio "$5" "$ours_api")"
}
while read -r name threads first rest mm; do
  if [ "$threads" = "missing" ]; then continue; fi
  line_for "$name" "($threads BLAS thread$([ "$threads" = 1 ] || echo s))" "$first" "$rest" "$mm"
done < "$tmp/py.runs"
grep -q '^pytorch missing' "$tmp/py.runs" && echo "pytorch not installed: NumPy only"
for name in numpy pytorch; do
  best=$(awk -v n="$name" '$1 == n { if (!c++ || $3 < f) f = $3; if (c == 1 || $4 < r) r = $4; if (c == 1 || $5 < m) m = $5 } END { if (c) print f, r, m }' "$tmp/py.runs")
  [ -n "$best" ] && line_for "$name" "(each at its faster)" $best
done
echo "(x > 1: slower than ours)"

# Every matmul shape: Tensor.MatMul against `A @ B`, both allocating their result; theirs at its faster thread setting.
echo "matmul, allocation included (us; x = theirs / ours, > 1: slower than ours; theirs the faster of ${settings[*]} BLAS threads):"
header="  op     shape                   ours"
for lib in numpy torch; do grep -q "^$lib " "$tmp/py.shapes" && header="$header  $(printf '%10s %6s' "$lib" "x")"; done
echo "$header"
while read -r op m k n _ api; do
  row="$(printf '  %-6s %-18s %10.1f' "$op" "${m}x${k}x${n}" "$(awk -v s="$api" 'BEGIN{print s*1e6}')")"
  for lib in numpy torch; do
    entry=$(grep "^$lib " "$tmp/py.shapes" | cut -d' ' -f3- | tr ' ' '\n' | grep -F "$op:$m:$k:$n=" | cut -d= -f2 | sort -g | head -1) || true
    [ -n "$entry" ] && row="$row  $(printf '%10.1f %6.2f' "$(awk -v s="$entry" 'BEGIN{print s*1e6}')" "$(awk -v a="$entry" -v b="$api" 'BEGIN{print a/b}')")"
  done
  echo "$row"
done < "$tmp/mm.txt"
