/// The reports' markup as Mustache templates: XHTML-compatible HTML (every element closed, only XML's entities),
/// inline SVG and CSS, no script. `{{name}}` escapes `< > & " '`; nothing from data is ever inserted unescaped.
enum ReportTemplates {
  /// Templates by name; reports and partials refer to each other by these names.
  static let all: [String: String] = [
    "page": page, "meter": meter, "timeline": timeline, "bars": bars, "hbars": hbars, "tag": tag, "card": card,
    "actor": actor, "pledge": pledge, "summary": summary,
  ]

  /// The document around every report; reports fill the `content` block.
  static let page = """
    <!DOCTYPE html>
    <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
    <head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <meta name="generator" content="pledgewire report"/>
    <title>{{header.title}}</title>
    <style>
    \(ReportStylesheet.css)
    </style>
    </head>
    <body>
    {{#header}}<header>
    <p class="kicker">Pledgewire · {{kind}}</p>
    <h1>{{title}}</h1>
    {{#subtitle}}<p class="subtitle">{{subtitle}}</p>{{/subtitle}}
    <p class="meta">Generated {{generated}}{{#source}} from {{source}}{{/source}}.</p>
    {{#notes}}<p class="note">{{.}}</p>{{/notes}}
    </header>{{/header}}
    <main>
    {{$content}}{{/content}}
    </main>
    <footer><p>Shapes and words give each status as well as colour: {{#header.legend}}{{>tag}} {{/header.legend}}</p></footer>
    </body>
    </html>

    """

  /// A status in text: its shape and word, and a count when there is one.
  static let tag = """
    <span class="tag {{cls}}"><svg class="glyph" viewBox="-7 -7 14 14" width="14" height="14" aria-hidden="true"><path class="shape {{paint}}" d="{{d}}"/></svg> {{label}}{{#count}} <b>{{count}}</b>{{/count}}</span>
    """

  static let meter = """
    <figure class="meter">
    <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {{width}} {{height}}" width="100%" preserveAspectRatio="none">
    <title>{{title}}</title>
    {{#segments}}<g class="{{cls}}"><title>{{title}}</title><rect x="{{x}}" y="0" width="{{width}}" height="{{height}}"/>{{#glyph}}<path class="shape knockout {{paint}}" d="{{glyph}}"/>{{/glyph}}</g>
    {{/segments}}
    </svg>
    <figcaption>{{title}}: {{#entries}}{{>tag}} {{/entries}}<span class="total">total <b>{{total}}</b></span></figcaption>
    </figure>
    """

  static let timeline = """
    <figure class="timeline">
    <figcaption>{{title}}</figcaption>
    <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {{width}} {{height}}" width="100%">
    <title>{{title}}</title>
    <g class="axis">{{#ticks}}<line x1="{{x}}" y1="{{y1}}" x2="{{x}}" y2="{{y2}}"/><text x="{{x}}" y="{{y}}">{{label}}</text>{{/ticks}}</g>
    <g class="now"><title>{{nowTitle}}</title><line x1="{{nowX}}" y1="{{nowY1}}" x2="{{nowX}}" y2="{{nowY2}}"/></g>
    {{#lanes}}<g class="{{cls}}">
    <a href="{{href}}"><title>{{fullLabel}} — {{statusLabel}}</title><text class="label" x="{{labelX}}" y="{{labelY}}">{{label}}</text></a>
    <line class="span" x1="{{x1}}" y1="{{y}}" x2="{{x2}}" y2="{{y}}"><title>{{fullLabel}} — {{statusLabel}}</title></line>
    {{#deadline}}<path class="{{cls}}" d="{{d}}"><title>{{title}}</title></path>{{/deadline}}
    {{#marks}}<path class="{{cls}}" d="{{d}}"><title>{{title}}</title></path>{{/marks}}
    </g>
    {{/lanes}}
    </svg>
    </figure>
    """

  static let bars = """
    <figure class="bars">
    <figcaption>{{title}} {{#legend}}{{>tag}} {{/legend}}</figcaption>
    <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {{width}} {{height}}" width="100%">
    <title>{{title}}</title>
    <g class="axis">{{#yTicks}}<line x1="{{axisX}}" y1="{{y1}}" x2="{{axisRight}}" y2="{{y1}}"/><text class="count" x="{{x}}" y="{{y}}">{{label}}</text>{{/yTicks}}
    <line class="base" x1="{{axisX}}" y1="{{axisY}}" x2="{{axisRight}}" y2="{{axisY}}"/></g>
    {{#bars}}<g class="bar">{{#segments}}<rect class="{{cls}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{title}}</title></rect>{{/segments}}<text x="{{labelX}}" y="{{labelY}}">{{label}}</text></g>
    {{/bars}}
    </svg>
    {{^empty(rows)}}<table class="counts">
    <thead><tr><th>month</th>{{#columns}}<th>{{>tag}}</th>{{/columns}}<th>total</th></tr></thead>
    <tbody>{{#rows}}<tr><th>{{label}}</th>{{#counts}}<td>{{.}}</td>{{/counts}}<td>{{total}}</td></tr>
    {{/rows}}</tbody>
    </table>{{/empty(rows)}}
    </figure>
    """

  static let hbars = """
    <figure class="hbars">
    <figcaption>{{title}}</figcaption>
    <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {{width}} {{height}}" width="100%">
    <title>{{title}}</title>
    {{#rows}}<g class="row"><title>{{title}}</title><text class="label" x="4" y="{{labelY}}">{{label}}</text><rect x="{{x}}" y="{{y}}" width="{{barWidth}}" height="{{barHeight}}"/><text class="value" x="{{valueX}}" y="{{labelY}}">{{text}}</text></g>
    {{/rows}}
    </svg>
    </figure>
    """

  static let card = """
    <article class="card" id="{{anchor}}">
    <h3><span class="id">#{{id}}</span> {{action}} {{#status}}{{>tag}}{{/status}}{{#overdue}} <span class="overdue">overdue</span>{{/overdue}}</h3>
    <dl class="facts">{{#facts}}<div><dt>{{name}}</dt><dd>{{value}}</dd></div>{{/facts}}</dl>
    {{^empty(labels)}}<p class="labels">{{#labels}}<span class="label">{{.}}</span> {{/labels}}</p>{{/empty(labels)}}
    {{#evidence}}<blockquote class="evidence">
    <p><span class="stance">{{stance}}</span> “{{quote}}”</p>
    {{#source}}<footer>— {{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}{{#outlet}}, <cite>{{outlet}}</cite>{{/outlet}}{{#published}}, <time>{{published}}</time>{{/published}}{{/source}}{{#reported}} · <span class="figures">{{reported}}</span>{{/reported}}{{#note}} · {{note}}{{/note}}</footer>
    </blockquote>
    {{/evidence}}
    </article>
    """
}

extension ReportTemplates {
  static let actor = """
    {{<page}}{{$content}}
    <section class="scorecard"><h2>Scorecard</h2>
    {{#meter}}{{>meter}}{{/meter}}
    <dl class="facts">{{#roles}}<div><dt>{{name}}</dt><dd>{{value}}</dd></div>{{/roles}}</dl>
    </section>
    <section class="timelines"><h2>Timeline</h2>
    {{#timelines}}{{>timeline}}{{/timelines}}{{^timelines}}<p class="empty">No pledges recorded.</p>{{/timelines}}
    </section>
    <section class="cards"><h2>Pledges and evidence</h2>
    {{#cards}}{{>card}}{{/cards}}
    </section>
    {{/content}}{{/page}}
    """
}

extension ReportTemplates {
  static let pledge = """
    {{<page}}{{$content}}
    <section class="timelines"><h2>History</h2>
    {{#timelines}}{{>timeline}}{{/timelines}}
    <table class="history">
    <thead><tr><th>when</th><th>from</th><th>to</th><th>note</th><th>evidence</th><th>by</th></tr></thead>
    <tbody>{{#history}}<tr><td><time>{{at}}</time></td><td>{{#from}}{{>tag}}{{/from}}</td><td>{{#to}}{{>tag}}{{/to}}</td><td>{{note}}</td><td>{{#quote}}“{{quote}}”{{/quote}}{{#source}} — {{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}{{/source}}</td><td>{{by}}</td></tr>
    {{/history}}</tbody>
    </table>
    </section>
    {{#condition}}<section class="condition"><h2>Condition</h2>
    <p>“{{text}}” — <b>{{state}}</b>{{#changed}} since <time>{{changed}}</time>{{/changed}}</p>
    {{#quote}}<blockquote class="evidence"><p>“{{quote}}”</p>{{#source}}<footer>— {{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}</footer>{{/source}}</blockquote>{{/quote}}
    </section>{{/condition}}
    <section class="figures"><h2>Figures by source</h2>
    {{#figureCharts}}{{>hbars}}{{/figureCharts}}
    {{^empty(figures)}}<table class="figures">
    <thead><tr><th>source</th><th>published</th><th>stance</th><th>amount</th><th>quantity</th><th>as written</th></tr></thead>
    <tbody>{{#figures}}<tr><td>{{#source}}{{#url}}<a href="{{url}}">{{title}}</a>{{/url}}{{^url}}{{title}}{{/url}}{{#outlet}}, <cite>{{outlet}}</cite>{{/outlet}}{{/source}}</td><td>{{source.published}}</td><td>{{stance}}</td><td>{{amount}}</td><td>{{quantity}}</td><td>{{asWritten}}</td></tr>
    {{/figures}}</tbody>
    </table>{{/empty(figures)}}{{#empty(figures)}}<p class="empty">No source reports its own figure for this pledge.</p>{{/empty(figures)}}
    </section>
    <section class="linked"><h2>Linked pledges</h2>
    {{^empty(linked)}}<table class="linked">
    <thead><tr><th>relation</th><th>pledge</th><th>made</th><th>status</th></tr></thead>
    <tbody>{{#linked}}<tr><td>{{relation}}</td><td>#{{id}} {{action}}</td><td>{{made}}</td><td>{{#status}}{{>tag}}{{/status}}</td></tr>
    {{/linked}}</tbody>
    </table>{{/empty(linked)}}{{#empty(linked)}}<p class="empty">No merged duplicates, sub-pledges or superseded pledges.</p>{{/empty(linked)}}
    </section>
    <section class="cards"><h2>Terms and evidence</h2>
    {{#card}}{{>card}}{{/card}}
    </section>
    {{/content}}{{/page}}
    """
}

extension ReportTemplates {
  static let summary = """
    {{<page}}{{$content}}
    <section class="scorecard"><h2>By status</h2>
    {{#meter}}{{>meter}}{{/meter}}
    </section>
    <section class="monthly"><h2>Over time</h2>
    {{#monthly}}{{>bars}}{{/monthly}}
    </section>
    <section class="categories"><h2>By category</h2>
    <table class="counts">
    <thead><tr><th>category</th>{{#statusColumns}}<th>{{>tag}}</th>{{/statusColumns}}<th>total</th></tr></thead>
    <tbody>{{#categoryRows}}<tr><th>{{category}}</th>{{#counts}}<td>{{.}}</td>{{/counts}}<td>{{total}}</td></tr>
    {{/categoryRows}}</tbody>
    </table>
    </section>
    <section class="makers"><h2>Top makers</h2>
    {{#makers}}{{>hbars}}{{/makers}}{{^makers}}<p class="empty">No makers.</p>{{/makers}}
    </section>
    {{#due}}<section class="due"><h2>{{heading}}</h2>
    {{^empty(rows)}}<table class="due {{cls}}">
    <thead><tr><th>pledge</th><th>makers</th><th>due</th><th></th><th>status</th></tr></thead>
    <tbody>{{#rows}}<tr><td>#{{id}} {{action}}</td><td>{{makers}}</td><td><time>{{due}}</time></td><td>{{days}}</td><td>{{#status}}{{>tag}}{{/status}}</td></tr>
    {{/rows}}</tbody>
    </table>{{/empty(rows)}}{{#empty(rows)}}<p class="empty">{{none}}</p>{{/empty(rows)}}
    </section>{{/due}}
    {{/content}}{{/page}}
    """
}
