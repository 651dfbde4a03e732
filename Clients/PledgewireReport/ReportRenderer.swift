import Mustache

/// Renders report views through the templates of ``ReportTemplates`` into one self-contained document.
enum ReportRenderer {
  /// The parsed templates, each escaping with ``XHTMLContentType``. They are constants of this module, so a
  /// template that does not parse is a programming error, caught by every test that renders a report.
  static let library: MustacheLibrary = {
    MustacheContentTypes.register(XHTMLContentType(), named: XHTMLContentType.name)
    var library = MustacheLibrary()
    for (name, text) in ReportTemplates.all {
      do {
        try library.register("{{% CONTENT_TYPE: \(XHTMLContentType.name)}}" + text, named: name)
      } catch {
        preconditionFailure("report template \(name) does not parse: \(error)")
      }
    }
    return library
  }()

  /// The document for `view` through template `name`.
  static func render(_ view: Any, template name: String) -> String {
    guard let html = library.render(view, withTemplate: name) else {
      preconditionFailure("no report template \(name)")
    }
    return html
  }
}
