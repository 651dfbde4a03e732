/// The reports' inline CSS: screen and print. Status colours are the Okabe–Ito palette, distinguishable with the
/// common colour-vision deficiencies; shapes and words carry the status as well.
enum ReportStylesheet {
  static let css = """
    :root { --ink: #1d232b; --muted: #5d6875; --rule: #d5dae0; --paper: #ffffff; --accent: #0b5cad; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1040px; padding: 24px 28px 40px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--paper); }
    header { border-bottom: 2px solid var(--ink); margin-bottom: 18px; padding-bottom: 10px; }
    .kicker { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
    h1 { margin: 2px 0 4px; font-size: 26px; line-height: 1.2; }
    h2 { margin: 26px 0 8px; font-size: 18px; border-bottom: 1px solid var(--rule); padding-bottom: 3px; }
    h3 { margin: 0 0 6px; font-size: 16px; }
    .subtitle { margin: 0; color: var(--muted); }
    .meta, .note, .empty, footer { color: var(--muted); font-size: 13px; margin: 4px 0; }
    a { color: var(--accent); }
    figure { margin: 12px 0 18px; }
    figcaption { font-size: 13px; color: var(--muted); margin: 4px 0; }
    svg text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: var(--ink); }
    .axis line { stroke: #e4e8ec; stroke-width: 1; }
    .axis line.base { stroke: var(--muted); }
    .axis text { fill: var(--muted); text-anchor: middle; }
    .axis text.count { text-anchor: end; }
    .bar text { fill: var(--muted); text-anchor: middle; font-size: 10px; }
    .now line { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 3 3; }
    .label { fill: var(--ink); }
    a .label { fill: var(--accent); }
    .span { stroke: var(--c); stroke-width: 3; stroke-linecap: round; opacity: .55; }
    .mark, .shape { stroke: var(--c); fill: var(--c); stroke-width: 1.5; }
    .open { fill: var(--paper); stroke-width: 2; }
    .line { fill: none; stroke-width: 2.6; stroke-linecap: round; stroke-linejoin: round; }
    .mark.evidence { --c: var(--muted); stroke-width: 1.5; }
    .deadline { fill: var(--paper); stroke: var(--ink); stroke-width: 1.2; }
    .deadline.overdue { fill: #d55e00; stroke: #d55e00; }
    .segment rect, rect.segment { fill: var(--c); stroke: var(--paper); stroke-width: 1; }
    .shape.knockout { stroke: var(--paper); fill: var(--paper); }
    .shape.knockout.open { fill: none; }
    .hbars rect { fill: var(--accent); opacity: .8; }
    .hbars .value { fill: var(--muted); }
    .s-announced { --c: #6f7b88; }
    .s-in-progress { --c: #0072b2; }
    .s-partially-fulfilled { --c: #56b4e9; }
    .s-fulfilled { --c: #009e73; }
    .s-stalled { --c: #e69f00; }
    .s-broken { --c: #d55e00; }
    .s-withdrawn { --c: #cc79a7; }
    .s-other { --c: #999999; }
    .tag, time { white-space: nowrap; }
    .tag { font-size: 13px; font-weight: normal; }
    .glyph { vertical-align: -2px; overflow: visible; }
    .meter > svg { border: 1px solid var(--rule); height: 28px; display: block; }
    .meter figcaption .tag { margin-right: 10px; }
    .total { white-space: nowrap; }
    dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(290px, 1fr)); gap: 2px 18px; margin: 6px 0; }
    dl.facts div { display: flex; gap: 6px; }
    dt { color: var(--muted); min-width: 7em; }
    dd { margin: 0; }
    .card { border: 1px solid var(--rule); border-left: 4px solid var(--ink); padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
    .card .id { color: var(--muted); font-weight: normal; }
    .overdue { color: #b44a00; font-weight: bold; font-size: 13px; }
    .labels .label { display: inline-block; border: 1px solid var(--rule); border-radius: 3px; padding: 0 5px; font-size: 12px; }
    blockquote.evidence { margin: 8px 0 0; padding: 4px 0 4px 12px; border-left: 3px solid var(--rule); }
    blockquote.evidence p { margin: 0; }
    blockquote.evidence footer { margin: 2px 0 0; }
    .stance { text-transform: uppercase; font-size: 11px; letter-spacing: .05em; color: var(--muted); margin-right: 4px; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
    th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
    table.counts td, table.counts thead th + th { text-align: right; font-variant-numeric: tabular-nums; }
    @page { margin: 14mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      a { color: inherit; text-decoration: none; }
      blockquote.evidence a[href]::after { content: " (" attr(href) ")"; font-size: 8.5pt; color: var(--muted); word-break: break-all; }
      figure, table, .card, section.scorecard { break-inside: avoid; }
      h2 { break-after: avoid; }
    }
    """
}
