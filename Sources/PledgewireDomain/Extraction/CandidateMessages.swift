import PledgewireExtraction
import PledgewireWire

/// The extractor's values as the schema's messages (`ExtractedMention`, `PledgeCandidate`), and the actor table as
/// the extractor's directory. The extractor module knows nothing of the schema; this is the one place they meet,
/// so names both modules define are spelled with their module here.
enum CandidateMessages {
  /// The extractor's name in responses and candidates.
  static let extractorName = Extractor.version

  /// A recorded actor as the extractor knows it; nil for a tombstone. Capitals are recorded as aliases ("Kyiv").
  static func knownActor(_ actor: PledgewireWire.Actor) -> KnownActor? {
    guard actor.mergedIntoID == 0 else { return nil }
    return KnownActor(
      id: actor.id, name: actor.canonicalName, kind: kind(actor.kind), aliases: actor.aliases,
      countryCode: actor.countryCode.isEmpty ? nil : actor.countryCode, role: actor.role.isEmpty ? nil : actor.role
    )
  }

  static func mention(_ mention: PledgewireExtraction.ActorMention) -> ExtractedMention {
    ExtractedMention(
      text: mention.text, range: range(mention.range), actorID: mention.actor.id ?? 0, actorName: mention.actor.name,
      kind: kind(mention.actor.kind), confidence: mention.confidence, proposed: mention.actor.source == .proposed,
      rules: mention.explanation
    )
  }

  /// The mention as an article stores it, for a mention of a recorded actor; nil otherwise.
  static func articleMention(_ mention: PledgewireExtraction.ActorMention) -> PledgewireWire.ActorMention? {
    guard let id = mention.actor.id else { return nil }
    return PledgewireWire.ActorMention(actorID: id, range: range(mention.range), surfaceText: mention.text, confidence: mention.confidence)
  }

  static func candidate(_ candidate: PledgewireExtraction.PledgeCandidate) -> PledgewireWire.PledgeCandidate {
    var message = PledgewireWire.PledgeCandidate(
      quote: candidate.quote.text, range: range(candidate.quote.range),
      makers: candidate.makers.map(party), announcers: candidate.announcers.map(party), beneficiaries: candidate.beneficiaries.map(party),
      action: candidate.action, category: category(candidate.category), modality: modality(candidate.modality),
      condition: candidate.condition?.text ?? "", makersIncomplete: candidate.makersIncomplete,
      confidence: candidate.confidence, rules: candidate.explanation, extractor: extractorName
    )
    if let amount = candidate.amount {
      message.amount = Money(
        amount: amount.value, currency: amount.currency, qualifier: qualifier(amount.qualifier), period: period(amount.period),
        text: amount.excerpt.text
      )
    }
    if let quantity = candidate.quantities.first {
      message.quantity = PledgewireWire.Quantity(
        value: quantity.value, unit: quantity.unit, qualifier: qualifier(quantity.qualifier), text: quantity.excerpt.text
      )
    }
    if let target = candidate.target {
      message.target = PledgewireWire.Ratio(percent: target.percent, of: target.of, qualifier: qualifier(target.qualifier), text: target.excerpt.text)
    }
    if let deadline = candidate.deadline {
      message.dueAtMs = deadline.ms
      message.duePrecision = precision(deadline.precision)
    }
    return message
  }

  static func party(_ party: Party) -> CandidateParty {
    CandidateParty(actorID: party.actor.id ?? 0, name: party.actor.name, kind: kind(party.actor.kind))
  }

  static func range(_ range: ScalarRange) -> TextRange {
    TextRange(start: UInt32(clamping: range.start), end: UInt32(clamping: range.end))
  }

  static func kind(_ kind: PledgewireExtraction.ActorKind) -> PledgewireWire.ActorKind {
    switch kind {
    case .person: .person
    case .country: .country
    case .organization: .organization
    case .group: .group
    }
  }

  static func kind(_ kind: PledgewireWire.ActorKind) -> PledgewireExtraction.ActorKind {
    switch kind {
    case .person: .person
    case .country: .country
    case .group: .group
    default: .organization
    }
  }

  static func modality(_ modality: PledgewireExtraction.Modality) -> PledgewireWire.Modality {
    switch modality {
    case .proposal: .proposal
    case .offer: .offer
    case .intent: .intent
    case .promise: .promise
    case .agreement: .agreement
    case .legalAct: .legalAct
    }
  }

  static func category(_ category: PledgewireExtraction.PledgeCategory) -> PledgewireWire.PledgeCategory {
    switch category {
    case .defenceSpending: .defenceSpending
    case .troopDeployment: .troopDeployment
    case .peaceProcess: .peaceProcess
    case .securityGuarantee: .securityGuarantee
    case .militaryAid: .militaryAid
    case .financialAid: .financialAid
    case .humanitarianAid: .humanitarianAid
    case .climateAid: .climateAid
    case .diplomatic: .diplomatic
    case .sanctions: .sanctions
    case .developmentAid: .developmentAid
    case .other: .other
    }
  }

  static func qualifier(_ qualifier: PledgewireExtraction.AmountQualifier) -> PledgewireWire.AmountQualifier {
    switch qualifier {
    case .exact: .exact
    case .upTo: .upTo
    case .about: .about
    case .atLeast: .atLeast
    }
  }

  static func period(_ period: AmountPeriod) -> MoneyPeriod {
    switch period {
    case .once: .unspecified
    case .perDay: .perDay
    case .perWeek: .perWeek
    case .perMonth: .perMonth
    case .perYear: .perYear
    }
  }

  static func precision(_ precision: PledgewireExtraction.DatePrecision) -> PledgewireWire.DatePrecision {
    switch precision {
    case .day: .day
    case .month: .month
    case .year: .year
    }
  }
}
