/// The actors of one text: those of the ``NameIndex`` it mentions and those proposed from it, each once, with what
/// the text says about them — a person's titles and affiliation, the surname later references use.
struct DocumentActors {
  struct Actor {
    var ref: ActorReference
    /// Folded title heads seen with a person: ["chancellor"].
    var titleHeads: Set<String> = []
    /// A head of state or government, by a title seen with the person.
    var isLeader = false
    /// The actor the text ties a person or group to, as a document actor.
    var affiliation: Int?
    /// Index actor, when known.
    var indexActor: Int?
    /// The last word of the name, folded: "fund" for "Ocean Recovery Fund".
    var headWord: String

    init(ref: ActorReference, indexActor: Int? = nil) {
      self.ref = ref
      self.indexActor = indexActor
      headWord = NameFolding.fold(String(ref.name.split(separator: " ").last ?? ""))
    }
  }

  private(set) var actors: [Actor] = []
  private var byIndexActor: [Int: Int] = [:]
  private var byKey: [String: Int] = [:]
  /// Folded surnames and acronyms the text introduced, to the actor they name.
  private(set) var shortNames: [String: Int] = [:]

  subscript(i: Int) -> Actor {
    get { actors[i] }
    set { actors[i] = newValue }
  }

  /// The document actor for an actor of the index.
  mutating func known(_ indexActor: Int, _ index: NameIndex) -> Int {
    if let existing = byIndexActor[indexActor] { return existing }
    actors.append(Actor(ref: index.actors[indexActor].ref, indexActor: indexActor))
    byIndexActor[indexActor] = actors.count - 1
    return actors.count - 1
  }

  /// The document actor for a proposed actor named `name` (the same name gives the same actor).
  mutating func proposed(_ name: String, kind: ActorKind) -> Int {
    proposed(name, folded: NameFolding.foldWords(name), kind: kind)
  }

  /// The document actor for a proposed actor named `name`, whose folded words are `key`.
  mutating func proposed(_ name: String, folded key: String, kind: ActorKind) -> Int {
    if let existing = byKey[key] { return existing }
    actors.append(Actor(ref: ActorReference(name: name, kind: kind, source: .proposed)))
    byKey[key] = actors.count - 1
    if kind == .person {
      let words = key.split(separator: " ")
      if words.count >= 2, let last = words.last, shortNames[String(last)] == nil {
        shortNames[String(last)] = actors.count - 1
      }
    }
    return actors.count - 1
  }

  /// An existing proposed actor with this folded name, if any.
  func proposedActor(foldedName: String) -> Int? { byKey[foldedName] }

  /// Makes `short` (a folded surname or acronym) name `actor` from now on.
  mutating func addShortName(_ short: String, for actor: Int) {
    if shortNames[short] == nil { shortNames[short] = actor }
  }

  /// Records a title seen with a person, and the actor it ties the person to.
  mutating func addTitle(_ title: Titles.Title, affiliation: Int?, to person: Int) {
    actors[person].titleHeads.formUnion(title.heads)
    actors[person].isLeader = actors[person].isLeader || title.isLeader
    if actors[person].ref.source == .proposed, actors[person].ref.role == nil { actors[person].ref.role = title.text }
    if let affiliation, affiliation != person, actors[person].affiliation == nil {
      actors[person].affiliation = affiliation
      if actors[person].ref.source == .proposed { actors[person].ref.affiliation = actors[affiliation].ref.name }
    }
  }

  /// The most recent person before `limit` in `order` (document actors in mention order) whose titles include
  /// every head in `heads` and, when given, whose affiliation is `affiliation`.
  func person(withTitle heads: Set<String>, affiliation: Int?, among order: [Int]) -> Int? {
    order.reversed().first { i in
      actors[i].ref.kind == .person && heads.isSubset(of: actors[i].titleHeads)
        && (affiliation == nil || actors[i].affiliation == affiliation)
    }
  }
}
