/// The back-office's additions to the one stylesheet: counters, queues, the attendance list
/// with tap targets sized for a tablet, and a printout without navigation or buttons.
enum BackOfficeStyles {
    static let css = """

    .staff-nav ul { flex-wrap: wrap; }
    .counters { list-style: none; padding: 0; display: grid; gap: .5rem; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); }
    .counter a { display: block; padding: .75rem; background: var(--card); border: 1px solid var(--border); border-radius: .5rem; text-decoration: none; color: var(--text); }
    .counter strong { font-size: 1.6rem; display: block; }
    .counter.waiting a { border-left: 6px solid var(--warn); }
    .filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin: 0 0 1rem; }
    .filters .field { margin: 0; }
    .tag { display: inline-block; margin: .1rem .25rem; padding: 0 .4rem; border-radius: .75rem; background: #fff4d6; border: 1px solid var(--warn); font-size: .85rem; }
    .queue input[type=checkbox] { width: 1.5rem; height: 1.5rem; }
    .queue-results ul { list-style: none; padding: 0; }
    .queue-results li { padding: .5rem .75rem; margin: .25rem 0; border-left: 4px solid var(--ok); background: var(--card); }
    .queue-results li.result-other { border-left-color: var(--danger); }
    .attendance th[scope=row] a { font-size: 1.1rem; font-weight: 600; }
    .attendance .mark { margin: 0 0 .25rem; }
    .mark-buttons { display: flex; flex-wrap: wrap; gap: .25rem; }
    .mark-buttons button { min-height: 2.75rem; min-width: 6.5rem; padding: .4rem .6rem; border: 2px solid var(--border); border-radius: .4rem; background: var(--card); color: var(--text); font-size: 1rem; cursor: pointer; }
    .mark-buttons button[aria-pressed=true] { border-color: var(--primary); background: var(--primary); color: #fff; }
    .health-alert { color: var(--danger); font-weight: 600; }
    .contacts a { white-space: nowrap; }
    @media (max-width: 40rem) {
      .attendance thead { display: none; }
      .attendance tr, .attendance th, .attendance td { display: block; border: 0; }
      .attendance tr { border-bottom: 2px solid var(--border); padding: .5rem 0; }
    }
    .verdict-ok { border-left: 6px solid var(--ok); }
    .verdict-no { border-left: 6px solid var(--danger); }
    @media print {
      .staff-nav, .account-bar, .no-print, .flash { display: none !important; }
      .attendance { font-size: 11pt; } .attendance th, .attendance td { border: 1px solid #000; }
      .table-wrap { overflow: visible; } a { color: #000; text-decoration: none; }
    }
    """
}
