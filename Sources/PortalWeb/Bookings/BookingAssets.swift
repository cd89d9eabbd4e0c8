import HTTPServer

/// The planning's styles and its small script, served by the town routes so that the booking
/// pages stay self-contained (the CSP allows no inline style or script). Without the script
/// every page works the same; it only adds « tout cocher » buttons.
enum BookingAssets {
    static func register(_ table: inout RouteTable) {
        table.add("GET", BookingPaths.styles, .anyone) { _ in asset(css, type: "text/css; charset=utf-8") }
        table.add("GET", BookingPaths.script, .anyone) { _ in asset(script, type: "text/javascript; charset=utf-8") }
    }

    private static func asset(_ text: String, type: String) -> HTTPResponse {
        var response = HTTPResponse(status: .ok, body: Array(text.utf8))
        response.headers.set("Content-Type", type)
        response.headers.set("Cache-Control", "public, max-age=3600")
        return response
    }

    /// Each state has a word and a symbol besides its colour; colours keep a 4.5:1 contrast.
    static let css = """
    .planning-nav { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-bottom: .75rem; }
    .planning-nav a { display: inline-flex; align-items: center; min-height: 44px; padding: .4rem .75rem; border: 1px solid var(--border);
      border-radius: .4rem; background: var(--card); text-decoration: none; }
    .planning-nav a[aria-current="page"] { border-color: var(--primary); font-weight: 600; }
    .filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; }
    .filters .field { margin: 0; }
    .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .35rem; font-size: .9rem; }
    .day { margin-bottom: 1rem; }
    .day h3 { font-size: 1.05rem; margin: .75rem 0 .35rem; }
    .entry { border: 1px solid var(--border); border-radius: .4rem; background: var(--card); padding: .4rem .6rem; margin-bottom: .5rem; }
    .entry-title { font-weight: 600; margin: 0 0 .25rem; }
    .slot { border-left: 6px solid var(--border); padding: .3rem .5rem; margin: .3rem 0; background: #fff; }
    .slot-state { font-weight: 600; }
    .slot-note { margin: .1rem 0; font-size: .92rem; color: var(--muted); }
    .slot label, .check label { display: inline-flex; align-items: center; gap: .4rem; min-height: 44px; }
    .slot input[type=checkbox], .check input[type=checkbox] { width: 1.4rem; height: 1.4rem; }
    .slot--booked { border-left-color: #1e6b32; background: #e7f4ea; }
    .slot--pending { border-left-color: #7a4a00; background: #fff4d6; }
    .slot--waiting { border-left-color: #5b2a86; background: #f1e9f9; }
    .slot--draw { border-left-color: #0b5c6b; background: #e2f3f5; }
    .slot--absent { border-left-color: #4a4a4a; background: #ececec; }
    .slot--cancel-requested { border-left-color: #a14a00; background: #fde9dc; }
    .slot--refused { border-left-color: #a11d2b; background: #fbe5e7; }
    .slot--locked { border-left-color: #8a8f98; background: #f3f4f6; }
    .slot--available { border-left-color: var(--primary); }
    .legend .slot { margin: 0; padding: .1rem .5rem; }
    .in-basket { display: inline-block; font-weight: 600; color: #1d4f91; }
    .slot .link-button, .basket .link-button { min-height: 44px; }
    .checks { display: flex; flex-wrap: wrap; gap: 0 1rem; border: 0; padding: 0; margin: 0 0 .75rem; }
    .checks legend { font-weight: 600; padding: 0; margin-bottom: .25rem; }
    fieldset.planning-days { display: block; min-width: 0; }
    .month { table-layout: fixed; }
    .month th { text-align: center; }
    .month td { height: 6rem; }
    .month .day-number { font-weight: 600; display: block; }
    .total { font-size: 1.15rem; font-weight: 700; }
    .refusal { color: #a11d2b; }
    .select-all[hidden] { display: none; }
    @media (max-width: 47.99rem) {
      .month, .month tbody, .month tr, .month td { display: block; width: 100%; height: auto; }
      .month thead, .month td.empty { display: none; }
      table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
      table.stack tr { border: 1px solid var(--border); border-radius: .4rem; margin-bottom: .5rem; padding: .25rem 0; }
      table.stack td { border: 0; padding: .2rem .6rem; }
      table.stack td::before { content: attr(data-label) " : "; font-weight: 600; }
    }
    """

    static let script = """
    document.querySelectorAll('[data-select-all]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var boxes = button.form.querySelectorAll('input[name="creneau"][data-kind="' + button.dataset.selectAll + '"]');
        var check = Array.prototype.some.call(boxes, function (box) { return !box.checked; });
        boxes.forEach(function (box) { box.checked = check; });
      });
    });
    """
}
