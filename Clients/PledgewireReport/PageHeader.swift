/// What every report's page shows around its content.
struct PageHeader: Sendable {
  let kind: String
  let title: String
  let subtitle: String?
  let generated: String
  let source: String?
  let notes: [String]
  let legend: [StatusTag]

  init(kind: String, title: String, subtitle: String?, now: Int64, source: String?, notes: [String]) {
    self.kind = kind
    self.title = title
    self.subtitle = subtitle.flatMap { $0.isEmpty ? nil : $0 }
    generated = ReportFormat.date(now)
    self.source = source.flatMap { $0.isEmpty ? nil : $0 }
    self.notes = notes
    legend = StatusStyle.ordered.map { StatusTag($0) }
  }
}
