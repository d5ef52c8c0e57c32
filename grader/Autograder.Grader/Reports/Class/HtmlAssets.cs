
namespace Autograder.Grader.Reports.Class;

/// <summary>The HTML report's inline style sheet and script (the page loads nothing from anywhere).</summary>
internal static class HtmlAssets
{
    public const string Css = """
        :root { --fg:#1d2330; --muted:#5b6475; --line:#d9dee7; --bg:#f6f7f9; --accent:#3465a4; --ok:#2e7d32; --bad:#c62828; --warn:#b26a00; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
        header { background: #fff; border-bottom: 1px solid var(--line); padding: 18px 28px; }
        header h1 { margin: 0 0 4px; font-size: 22px; }
        header p { margin: 0; color: var(--muted); }
        main { padding: 8px 28px 40px; max-width: 1400px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin: 16px 0; }
        h2 { font-size: 17px; margin: 0 0 10px; }
        .stats { display: flex; flex-wrap: wrap; gap: 12px; }
        .stat { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 110px; }
        .stat b { display: block; font-size: 20px; }
        .stat span { color: var(--muted); font-size: 12px; }
        .histogram { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        #gradebook th { cursor: pointer; user-select: none; position: sticky; top: 0; background: #eef1f6; white-space: nowrap; }
        #gradebook th[data-dir="asc"]::after { content: " \25B2"; font-size: 10px; }
        #gradebook th[data-dir="desc"]::after { content: " \25BC"; font-size: 10px; }
        #gradebook tbody tr:hover { background: #f0f4fb; }
        .status { font-size: 12px; padding: 1px 6px; border-radius: 10px; background: #eceff4; white-space: nowrap; }
        .status.passed { background: #e3f2e5; color: var(--ok); }
        .status.failed, .status.not_implemented { background: #fff4e0; color: var(--warn); }
        .status.broken { background: #fde7e7; color: var(--bad); }
        .bar { background: #e7ebf2; border-radius: 3px; height: 10px; width: 120px; display: inline-block; vertical-align: middle; }
        .bar i { display: block; height: 100%; background: var(--accent); border-radius: 3px; }
        .scroll { overflow-x: auto; max-height: 70vh; }
        ul.failures { margin: 4px 0 8px; padding-left: 18px; }
        ul.failures code { font-size: 12px; background: #f3f4f7; padding: 0 3px; border-radius: 3px; }
        input#filter { padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; margin-bottom: 8px; width: 240px; }
        """;

    // Sorting: click a header (again to reverse). "?sort=<column key>&dir=asc|desc" in the URL sorts on
    // load. body[data-ready] tells a test (or a curious reader) the script ran.
    public const string Script = """
        (function () {
          var table = document.getElementById('gradebook');
          var body = table.tBodies[0];
          var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
          function value(row, i, numeric) {
            var cell = row.cells[i];
            var raw = cell.getAttribute('data-value');
            if (raw === null) { raw = cell.textContent.trim(); }
            if (!numeric) { return raw.toLowerCase(); }
            var n = parseFloat(raw);
            return isNaN(n) ? -Infinity : n;
          }
          function sortBy(i, dir) {
            var numeric = headers[i].classList.contains('num');
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = value(a, i, numeric), y = value(b, i, numeric);
              var c = numeric ? (x === y ? 0 : (x < y ? -1 : 1)) : String(x).localeCompare(String(y));
              if (c === 0) { c = a.cells[0].textContent.localeCompare(b.cells[0].textContent); }
              return dir === 'desc' ? -c : c;
            });
            rows.forEach(function (r) { body.appendChild(r); });
            headers.forEach(function (h) { h.removeAttribute('data-dir'); });
            headers[i].setAttribute('data-dir', dir);
          }
          headers.forEach(function (h, i) {
            h.addEventListener('click', function () {
              sortBy(i, h.getAttribute('data-dir') === 'asc' ? 'desc' : 'asc');
            });
          });
          var filter = document.getElementById('filter');
          filter.addEventListener('input', function () {
            var q = filter.value.toLowerCase();
            Array.prototype.forEach.call(body.rows, function (r) {
              r.style.display = r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
            });
          });
          var params = new URLSearchParams(window.location.search);
          var key = params.get('sort');
          if (key) {
            var index = headers.findIndex(function (h) { return h.getAttribute('data-key') === key; });
            if (index >= 0) { sortBy(index, params.get('dir') === 'desc' ? 'desc' : 'asc'); }
          }
          document.body.setAttribute('data-ready', '1');
        })();
        """;
}
