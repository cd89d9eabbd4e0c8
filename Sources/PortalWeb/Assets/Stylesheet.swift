/// The one stylesheet, shipped inside the binary so a deployment is a single file.
/// Phone first: one column, large tap targets; wider screens get more columns.
/// Town colours come from `/theme.css` (generated from the tenant file) as custom properties.
enum Stylesheet {
    static let css = """
    :root { --primary: #1d4f91; --accent: #0b6e4f; --text: #1a1a1a; --muted: #4a4a4a; --bg: #f6f7f9;
      --card: #ffffff; --border: #c9ced6; --danger: #a11d2b; --ok: #1e6b32; --warn: #7a4a00; }
    *, *::before, *::after { box-sizing: border-box; }
    html { font-size: 100%; -webkit-text-size-adjust: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
      line-height: 1.5; color: var(--text); background: var(--bg); }
    a { color: var(--primary); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
      outline: 3px solid var(--accent); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
    .skip:focus { left: .5rem; }
    .site-header { background: var(--primary); color: #fff; padding: .75rem 1rem; }
    .site-header a { color: #fff; text-decoration: none; }
    .brand { display: flex; flex-direction: column; }
    .brand-portal { font-size: .875rem; opacity: .95; }
    .brand-town { font-size: 1.25rem; font-weight: 700; }
    .tabs { background: var(--card); border-bottom: 1px solid var(--border); overflow-x: auto; }
    .tabs ul { list-style: none; margin: 0; padding: 0 .5rem; display: flex; gap: .25rem; white-space: nowrap; }
    .tabs a { display: block; padding: .75rem .75rem; min-height: 44px; text-decoration: none; color: var(--text); }
    .tabs a[aria-current="page"] { border-bottom: 3px solid var(--primary); font-weight: 600; }
    main { max-width: 70rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0 1rem; }
    .kicker { display: block; font-size: 1rem; font-weight: 600; color: var(--muted); }
    h2 { font-size: 1.2rem; margin: 1.5rem 0 .75rem; }
    .card { background: var(--card); border: 1px solid var(--border); border-radius: .5rem; padding: 1rem; margin-bottom: 1rem; }
    .grid { display: grid; gap: 1rem; grid-template-columns: 1fr; }
    .services { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; grid-template-columns: 1fr; }
    .services li { background: var(--card); border: 1px solid var(--border); border-left: 4px solid var(--accent);
      border-radius: .5rem; padding: .75rem 1rem; }
    .services strong { display: block; }
    .button { display: inline-block; min-height: 44px; padding: .6rem 1.2rem; border-radius: .4rem; border: 0;
      background: var(--primary); color: #fff; font-size: 1rem; text-decoration: none; cursor: pointer; }
    .button.secondary { background: var(--card); color: var(--primary); border: 2px solid var(--primary); }
    .news time { color: var(--muted); font-size: .875rem; }
    .contact dt { font-weight: 600; margin-top: .5rem; }
    .contact dd { margin: 0; }
    .site-footer { background: var(--card); border-top: 1px solid var(--border); padding: 1rem; margin-top: 2rem; }
    .site-footer .inner { max-width: 70rem; margin: 0 auto; }
    .notice { border-left: 4px solid var(--primary); background: var(--card); padding: .75rem 1rem; }
    .error-page { text-align: center; padding: 3rem 1rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .site-header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; }
    .account-bar { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: center; }
    .account-bar a, .account-bar .link-button { color: #fff; text-decoration: underline; min-height: 44px; display: inline-flex; align-items: center; }
    .account-bar .who { font-weight: 600; }
    form.inline { display: inline; margin: 0; }
    .link-button { background: none; border: 0; padding: 0; font: inherit; cursor: pointer; color: var(--primary); text-decoration: underline; }
    .form { max-width: 36rem; }
    .field { margin: 0 0 1rem; }
    .field label { display: block; font-weight: 600; margin-bottom: .25rem; }
    .field .optional { font-weight: 400; color: var(--muted); }
    .field input[type=text], .field input[type=email], .field input[type=tel], .field input[type=date], .field input[type=search], .field input[type=password], .field input[type=file], .field select, .field textarea {
      display: block; width: 100%; min-height: 44px; padding: .5rem .6rem; font-size: 1rem; border: 2px solid var(--muted);
      border-radius: .3rem; background: #fff; color: var(--text); }
    .field.checkbox { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-start; }
    .field.checkbox input { width: 1.5rem; height: 1.5rem; margin: .1rem 0 0; flex: none; }
    .field.checkbox label { flex: 1; font-weight: 400; }
    .field.checkbox .field-error { flex-basis: 100%; }
    .hint { margin: 0 0 .35rem; color: var(--muted); font-size: .95rem; }
    .show-password { margin-top: .35rem; }
    .password-strength { margin-top: .35rem; }
    .has-error input { border-color: var(--danger); }
    .field-error { margin: 0 0 .35rem; color: var(--danger); font-weight: 600; }
    .error-summary { border: 3px solid var(--danger); border-radius: .4rem; background: #fff; padding: .75rem 1rem; margin-bottom: 1rem; }
    .error-summary h2 { margin-top: 0; font-size: 1.1rem; color: var(--danger); }
    .error-summary a { color: var(--danger); font-weight: 600; }
    .flash { border-left: 4px solid var(--ok); background: var(--card); padding: .5rem 1rem; margin-bottom: 1rem; }
    .flash.error { border-left-color: var(--danger); }
    .flash p { margin: .25rem 0; }
    .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
    .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: 1rem; }
    .space-links { list-style: none; padding: 0; display: grid; gap: .75rem; grid-template-columns: 1fr; }
    .space-links a { display: block; background: var(--card); border: 1px solid var(--border); border-left: 4px solid var(--primary);
      border-radius: .5rem; padding: .75rem 1rem; text-decoration: none; color: var(--text); }
    .space-links strong { display: block; color: var(--primary); }
    .space-nav ul { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .5rem; }
    .space-nav a { display: inline-block; padding: .5rem .75rem; min-height: 44px; border: 1px solid var(--border); border-radius: .4rem;
      background: var(--card); text-decoration: none; }
    .space-nav a[aria-current="page"] { border-color: var(--primary); font-weight: 600; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; background: var(--card); }
    th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--border); vertical-align: top; }
    .status { display: inline-block; padding: .1rem .5rem; border-radius: 1rem; border: 1px solid var(--border); font-size: .9rem; }
    .history { list-style: none; padding: 0; }
    .history li { border-left: 3px solid var(--border); padding: .25rem 0 .5rem .75rem; }
    .mail-body { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); border: 1px solid var(--border); padding: 1rem; }
    .pending { background: #fff4d6; border-left: 4px solid var(--warn); color: var(--text); padding: .25rem .5rem; margin: .25rem 0; }
    .summary { display: grid; grid-template-columns: minmax(8rem, 1fr) 2fr; gap: .25rem .75rem; margin: 0 0 .75rem; }
    .summary dt { font-weight: 600; } .summary dd { margin: 0; overflow-wrap: anywhere; }
    .plain-list { list-style: none; padding: 0; } .code { font-size: 2rem; letter-spacing: .1em; }
    @media (min-width: 48rem) {
      .space-links { grid-template-columns: 1fr 1fr; }
      .brand { flex-direction: row; align-items: baseline; gap: .75rem; }
      .grid { grid-template-columns: 2fr 1fr; }
      .services { grid-template-columns: 1fr 1fr; }
      h1 { font-size: 2rem; }
    }
    @media print { .tabs, .site-footer, .skip { display: none; } body { background: #fff; } }
    """
}
