/// Edit distance for spelling variants of names.
enum EditDistance {
  /// Whether `a` becomes `b` by at most one insertion, deletion, substitution or swap of neighbours.
  static func isAtMostOne(_ a: String, _ b: String) -> Bool {
    let x = Array(a.unicodeScalars)
    let y = Array(b.unicodeScalars)
    if abs(x.count - y.count) > 1 { return false }
    var i = 0
    while i < x.count, i < y.count, x[i] == y[i] { i += 1 }
    if i == x.count || i == y.count { return true }
    if x.count == y.count {
      if x[(i + 1)...] == y[(i + 1)...] { return true }
      return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
    }
    return x.count > y.count ? x[(i + 1)...] == y[i...] : x[i...] == y[(i + 1)...]
  }
}
