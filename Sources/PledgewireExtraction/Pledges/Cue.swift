/// Words that carry a commitment in a sentence: "pledged", "will", "agreed to", "is ready to", "their commitment
/// to", with the modality they give and where what is committed to starts.
struct Cue: Sendable {
  enum Kind: Sendable {
    /// A finite verb: "pledged", "has committed", "is pledging", "agreed to".
    case verb
    /// "will", "shall", "would" before a verb.
    case modal
    /// "is ready to", "is set to", "plans to" with a predicate adjective: "is ready/willing/set/due to".
    case readiness
    /// A noun with an owner: "Germany's pledge to", "their commitment to".
    case noun
    /// "was pledged (by X)": the maker, if any, is the agent.
    case passive
    /// ", promising $50m": a participle after a clause; the maker is that clause's subject.
    case participle
  }

  var kind: Kind
  /// The cue word's lemma: "pledge", "will", "ready", "commitment".
  var lemma: String
  var modality: Modality
  /// The first token of the verb group, auxiliaries included ("has" in "has committed"); the subject ends before.
  /// For a noun cue governed by a verb ("expressed their commitment"), that verb's group.
  var groupStart: Int
  /// The cue words.
  var tokens: Range<Int>
  /// Where what is committed to starts: the verb after "to", the object of "pledged".
  var actionStart: Int
  /// For a noun cue, the possessor token: a mention's last token before "'s", or a possessive pronoun.
  var possessor: Int?
  /// For an agreement, a party named after "with": "agreed with Japan to".
  var partnerStart: Int?
}
