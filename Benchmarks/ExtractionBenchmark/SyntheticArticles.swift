/// Articles for timing the extractor, assembled from sentences written for this benchmark (invented events, the
/// project's own words), about 5 KB each, reproducible from a seed.
enum SyntheticArticles {
  static func make(count: Int, bytes: Int, seed: UInt64) -> [String] {
    var rng = SplitMix(seed: seed)
    return (0..<count).map { _ in
      var text = ""
      while text.utf8.count < bytes {
        // Fill the template's {slots}: text between braces names a list to draw from.
        let template = templates[Int(rng.next() % UInt64(templates.count))]
        for (n, part) in template.split(separator: "{", omittingEmptySubsequences: false).enumerated() {
          guard n > 0, let close = part.firstIndex(of: "}"), let values = slots[String(part[..<close])] else {
            text += part
            continue
          }
          text += values[Int(rng.next() % UInt64(values.count))] + part[part.index(after: close)...]
        }
        text += rng.next() % 4 == 0 ? "\n\n" : " "
      }
      return text
    }
  }

  private static let slots: [String: [String]] = [
    "country": ["Norway", "Canada", "Portugal", "Japan", "Poland", "Estonia", "Ireland", "Chile", "Kenya", "Spain"],
    "leader": ["Prime Minister Anna Lindqvist", "President Tomas Varga", "Chancellor Miriam Okafor",
               "Foreign Minister Pavel Dorn", "Defence Secretary Ruth Alcott"],
    "surname": ["Lindqvist", "Varga", "Okafor", "Dorn", "Alcott"],
    "amount": ["$2.5 billion", "€400 million", "£1.6bn ($2bn)", "up to $60m", "more than 3 billion euros"],
    "thing": ["air defence systems", "field hospitals", "grain shipments", "training for engineers",
              "armoured vehicles", "winter generators"],
    "year": ["2026", "2027", "2030"],
    "city": ["Oslo", "Ottawa", "Lisbon", "Tokyo", "Warsaw"],
  ]

  private static let templates = [
    "{country} will send {thing} to Ukraine before the winter, {leader} told reporters in {city} on Tuesday.",
    "{leader} said {country} and {country} had agreed to share the cost of {thing} for the next two years.",
    "The government in {city} pledged {amount} for reconstruction, subject to approval by parliament.",
    "{surname} added that the ministry was ready to provide {thing} if a ceasefire holds.",
    "Officials did not say whether {country} would join the new fund, and several ministers declined to comment.",
    "“We will not leave our partners alone,” {surname} said, promising {amount} in loans by the end of {year}.",
    "Analysts expect the package to take months to arrive because factories are already at full capacity.",
    "{country} committed {amount} to the climate fund, while {country} pledged {amount} for adaptation projects.",
    "Last year {country} delivered 14 howitzers and 5,000 shells, according to figures from the defence ministry.",
    "European leaders agreed to raise defence spending to 3% of GDP by {year}, {leader} announced.",
    "The talks in {city} ended without a joint statement, but delegates plan to meet again in March.",
    "{country} could increase its contribution later, a spokesperson said, though no decision has been taken.",
  ]
}

/// A small seeded generator (SplitMix64), so runs compare.
struct SplitMix {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
