extension String {
  /// nil for the empty string.
  var nonEmpty: String? { isEmpty ? nil : self }

  /// The string with its first character upper-cased: "Military aid".
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
