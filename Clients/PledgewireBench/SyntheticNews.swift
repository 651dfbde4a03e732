/// News-like article bodies for load-testing the extractor (`extract`): sentences written for the harness about
/// invented events, with pledges, reported speech, conditions and sums, about 5 KB each and reproducible.
public enum SyntheticNews {
  /// Body `index`, about `bytes` long.
  public static func body(_ index: Int, bytes: Int = 5_000) -> String {
    var random = SyntheticData.Random(seed: UInt64(index) &* 0x9e37_79b9)
    func pick(_ values: [String]) -> String { values[Int(random.next() % UInt64(values.count))] }
    var text = ""
    while text.utf8.count < bytes {
      let sentence = pick(templates)
        .replacingOccurrences(of: "{country}", with: pick(countries))
        .replacingOccurrences(of: "{leader}", with: pick(leaders))
        .replacingOccurrences(of: "{amount}", with: pick(amounts))
        .replacingOccurrences(of: "{thing}", with: pick(things))
      text += sentence + (random.next() % 4 == 0 ? "\n\n" : " ")
    }
    return text
  }

  static let countries = ["Norway", "Canada", "Portugal", "Japan", "Poland", "Chile", "Kenya", "Ireland"]
  static let leaders = ["Prime Minister Ada Strand", "President Luis Moreno", "Foreign Minister Ines Kaur", "Chancellor Piet Vos"]
  static let amounts = ["$2.5 billion", "€400 million", "up to $60m", "more than 3 billion euros", "£1.6bn ($2bn)"]
  static let things = ["field hospitals", "grain shipments", "water pumps", "winter generators", "school buses"]
  static let templates = [
    "{country} will send {thing} to the flooded provinces before the winter, {leader} told reporters on Tuesday.",
    "{leader} said {country} and {country} had agreed to share the cost of {thing} for two years.",
    "The government pledged {amount} for reconstruction, subject to approval by parliament.",
    "{country} is ready to provide {thing} if the ceasefire holds, officials said.",
    "Critics said the plan could cost far more than {amount}.",
    "{country} did not commit to the scheme, and {leader} declined to comment.",
    "{leader} promised {amount} in loans to {country} by 2027.",
    "Talks on {thing} continued late into the night in the capital.",
  ]
}
