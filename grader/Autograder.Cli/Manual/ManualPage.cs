namespace Autograder.Cli.Manual;

/// <summary>The manual-grading page: one self-contained HTML document; its script talks to <see cref="ManualServer"/>.</summary>
internal static class ManualPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Manual grading</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
        header { background: #1f3b57; color: #fff; padding: .6rem 1rem; display: flex; gap: 1.5rem; align-items: baseline; }
        header h1 { font-size: 1.1rem; margin: 0; }
        #progress { font-weight: bold; }
        main { display: grid; grid-template-columns: 1fr 22rem; gap: 1rem; padding: 1rem; }
        #artifacts img { max-width: 100%; border: 1px solid #ccc; margin-bottom: .5rem; }
        #artifacts pre { background: #f5f5f5; padding: .5rem; max-height: 20rem; overflow: auto; white-space: pre-wrap; }
        aside { border-left: 1px solid #ddd; padding-left: 1rem; }
        label { display: block; margin-top: .8rem; font-weight: bold; }
        input[type=number] { width: 6rem; font-size: 1.2rem; }
        textarea { width: 100%; height: 6rem; }
        button { margin-top: .8rem; margin-right: .4rem; }
        .pending { color: #a15c00; } .graded { color: #1b6e20; } #error { color: #b00020; }
        kbd { border: 1px solid #aaa; border-radius: 3px; padding: 0 .25rem; font-size: .85em; }
        </style>
        </head>
        <body>
        <header><h1 id="title">Manual grading</h1><span id="progress"></span><span id="where"></span></header>
        <main>
          <section><h2 id="student"></h2><div id="artifacts"></div></section>
          <aside>
            <div id="item"></div>
            <label for="points">Points (<span id="max"></span>)</label>
            <input id="points" type="number" min="0" step="0.5">
            <label for="comment">Comment</label>
            <textarea id="comment"></textarea>
            <div><button id="save">Save and next</button><button id="prev">Previous</button><button id="next">Next</button></div>
            <p id="status"></p><p id="error"></p>
            <p><kbd>Enter</kbd> in Points saves and moves on; <kbd>Alt</kbd>+<kbd>→</kbd>/<kbd>←</kbd> next/previous.</p>
          </aside>
        </main>
        <script>
        const token = new URLSearchParams(location.search).get("token");
        const api = (path) => path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token);
        let state = null, queue = [], at = 0;
        const $ = (id) => document.getElementById(id);
        function grade(s, i) { return state.grades.find(g => g.student === s && g.item === i); }
        async function load() {
          state = await (await fetch(api("/api/state"))).json();
          $("title").textContent = state.assignment + ": manual grading";
          queue = [];
          for (const item of state.items) for (const student of state.students) queue.push({ student, item });
          const first = queue.findIndex(q => !grade(q.student, q.item.id));
          at = first < 0 ? 0 : first;
          await show();
        }
        function progress() { $("progress").textContent = state.graded + " of " + state.total + " graded"; }
        async function show() {
          progress();
          if (queue.length === 0) { $("student").textContent = "No manual items to grade."; return; }
          const q = queue[at], g = grade(q.student, q.item.id);
          $("where").textContent = (at + 1) + " / " + queue.length;
          $("student").textContent = q.student;
          $("item").innerHTML = "";
          const h = document.createElement("h3"); h.textContent = q.item.id + " " + q.item.title; $("item").appendChild(h);
          $("max").textContent = (q.item.deduction ? "a deduction: points to take off, " : "") + "0 to " + q.item.points;
          $("points").max = q.item.points;
          $("points").value = g ? g.points : "";
          $("comment").value = g ? g.comment : "";
          $("status").textContent = g ? "graded" : "pending"; $("status").className = g ? "graded" : "pending";
          $("error").textContent = "";
          const list = await (await fetch(api("/api/artifacts?student=" + encodeURIComponent(q.student)))).json();
          const box = $("artifacts"); box.innerHTML = "";
          if (list.artifacts.length === 0) { box.textContent = list.submission ? "No images, logs or answers in " + list.submission + "." : "Submission not found (start with --submissions)."; }
          for (const a of list.artifacts) {
            const title = document.createElement("h4"); title.textContent = a.name; box.appendChild(title);
            const url = api("/api/artifact?student=" + encodeURIComponent(q.student) + "&name=" + encodeURIComponent(a.name));
            if (a.kind === "text") { const pre = document.createElement("pre"); pre.textContent = await (await fetch(url)).text(); box.appendChild(pre); }
            else { const img = document.createElement("img"); img.alt = a.name; img.src = url; box.appendChild(img); }
          }
          $("points").focus();
        }
        async function save() {
          const q = queue[at], text = $("points").value.trim();
          const body = { student: q.student, item: q.item.id, points: text === "" ? null : Number(text), comment: $("comment").value };
          const response = await fetch("/api/grade", { method: "POST", headers: { "Content-Type": "application/json", "X-Token": token }, body: JSON.stringify(body) });
          const answer = await response.json();
          if (!response.ok) { $("error").textContent = answer.error; return false; }
          state = answer; progress(); return true;
        }
        async function move(step) { at = Math.min(queue.length - 1, Math.max(0, at + step)); await show(); }
        $("save").onclick = async () => { if (await save()) await move(1); };
        $("next").onclick = () => move(1);
        $("prev").onclick = () => move(-1);
        $("points").addEventListener("keydown", async (e) => { if (e.key === "Enter") { e.preventDefault(); if (await save()) await move(1); } });
        document.addEventListener("keydown", (e) => { if (e.altKey && e.key === "ArrowRight") move(1); if (e.altKey && e.key === "ArrowLeft") move(-1); });
        load();
        </script>
        </body>
        </html>
        """;
}
