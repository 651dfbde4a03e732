import ArgumentParser
import PledgewireClient

/// Amounts, quantities and targets on the command line: a pledge's own (`pledge add`, `pledge update`) or what
/// one source reported (`pledge evidence`, `pledge add --as-evidence-of`).
struct FigureOptions: ParsableArguments {
  @Option(help: "A sum of money as a decimal number: 1600000000.") var amount: String?
  @Option(help: "ISO 4217 currency of --amount.") var currency = "EUR"
  @Option(help: "How --amount relates to the real figure: \(EnumArgument.choices(AmountQualifier.self)).", completion: EnumArgument.completion(AmountQualifier.self)) var qualifier = "exact"
  @Option(help: "How often --amount recurs: \(EnumArgument.choices(MoneyPeriod.self)).", completion: EnumArgument.completion(MoneyPeriod.self)) var period: String?
  @Option(help: "The figure as the source wrote it: \"£1.6bn ($2bn)\".") var amountText = ""
  @Option(help: "A number of things: 5000 (with --unit).") var quantity: String?
  @Option(help: "What --quantity counts: missiles, troops.") var unit: String?
  @Option(help: "A target as a percentage: 5 (with --of).") var target: String?
  @Option(help: "What --target is a share of: GDP.") var of: String?

  func money() throws -> Money? {
    guard let amount else { return nil }
    return Money(
      amount: amount, currency: currency, qualifier: try EnumArgument.parse(qualifier, option: "--qualifier"),
      period: try period.map { try EnumArgument.parse($0, option: "--period") } ?? .unspecified, text: amountText
    )
  }

  func quantityValue() throws -> Quantity? {
    guard let quantity else {
      guard unit == nil else { throw ValidationError("--unit needs --quantity") }
      return nil
    }
    guard let unit else { throw ValidationError("--quantity needs --unit: what is counted") }
    return Quantity(value: quantity, unit: unit, qualifier: try EnumArgument.parse(qualifier, option: "--qualifier"))
  }

  func targetValue() throws -> Ratio? {
    guard let target else {
      guard of == nil else { throw ValidationError("--of needs --target") }
      return nil
    }
    guard let of else { throw ValidationError("--target needs --of: what it is a share of") }
    return Ratio(percent: target, of: of, qualifier: try EnumArgument.parse(qualifier, option: "--qualifier"))
  }
}

/// Figures as people read them.
enum Figures {
  static func describe(_ money: Money) -> String {
    var text = qualifier(money.qualifier) + "\(money.amount) \(money.currency)"
    if money.period != .unspecified { text += " " + EnumArgument.display(money.period).replacingOccurrences(of: "-", with: " ") }
    if !money.text.isEmpty { text += " (\"\(money.text)\")" }
    return text
  }

  static func describe(_ quantity: Quantity) -> String {
    qualifier(quantity.qualifier) + "\(quantity.value) \(quantity.unit)" + (quantity.text.isEmpty ? "" : " (\"\(quantity.text)\")")
  }

  static func describe(_ ratio: Ratio) -> String {
    qualifier(ratio.qualifier) + "\(ratio.percent)% of \(ratio.of)" + (ratio.text.isEmpty ? "" : " (\"\(ratio.text)\")")
  }

  private static func qualifier(_ qualifier: AmountQualifier) -> String {
    switch qualifier {
    case .upTo: "up to "
    case .about: "about "
    case .atLeast: "at least "
    default: ""
    }
  }
}
