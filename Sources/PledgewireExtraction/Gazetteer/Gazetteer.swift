/// The built-in knowledge of actors: every ISO 3166-1 country with its names, demonyms and capital
/// (``countryData``), and international organisations, institutions and news outlets (``organizationData``).
/// Parsed on first use, once per process (a `static let` is initialised lazily and thread-safely).
enum Gazetteer {
  /// One actor of the gazetteer.
  struct Entry: Sendable {
    var name: String
    var kind: ActorKind
    /// ISO 3166-1 alpha-2 and alpha-3 codes, for countries.
    var alpha2: String?
    var alpha3: String?
    var aliases: [String]
    var demonyms: [String]
    /// Capitals and seats that stand for the actor's government: "Kyiv", "Downing Street", "Brussels".
    var seats: [String]
    /// Lower-case descriptions: "the bloc".
    var descriptions: [String]
  }

  static let entries: [Entry] = parseCountries(countryData) + parseOrganizations(organizationData)

  private static func list(_ field: Substring) -> [String] {
    field.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
  }

  private static func parseCountries(_ data: String) -> [Entry] {
    data.split(separator: "\n").compactMap { line in
      let f = line.split(separator: "|", omittingEmptySubsequences: false)
      guard f.count == 7 else { return nil }
      return Entry(
        name: String(f[2]), kind: .country, alpha2: String(f[0]), alpha3: String(f[1]), aliases: list(f[3]),
        demonyms: list(f[4]), seats: f[6] == "t" ? [] : list(f[5]), descriptions: []
      )
    }
  }

  private static func parseOrganizations(_ data: String) -> [Entry] {
    data.split(separator: "\n").compactMap { line in
      let f = line.split(separator: "|", omittingEmptySubsequences: false)
      guard f.count == 5 else { return nil }
      return Entry(
        name: String(f[1]), kind: f[0] == "g" ? .group : .organization, alpha2: nil, alpha3: nil,
        aliases: list(f[2]), demonyms: [], seats: list(f[3]), descriptions: list(f[4])
      )
    }
  }
}

extension String {
  /// The string without leading and trailing spaces.
  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while scalars.first == " " { scalars = scalars.dropFirst() }
    while scalars.last == " " { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
