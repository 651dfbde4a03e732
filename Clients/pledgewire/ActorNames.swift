import PledgewireClient

/// Names beside ids in what the command line prints: "United Kingdom (4)". Fetched once per id per run, a few
/// at a time (GetActor answers from the server's actor cache).
struct ActorNames: Sendable {
  private var names: [Int64: String] = [:]

  /// The names of `ids`; ids that do not resolve show alone.
  static func fetch(_ ids: some Sequence<Int64>, _ client: PledgewireClient, _ options: CallOptions) async -> ActorNames {
    var result = ActorNames()
    let wanted = Array(Set(ids).filter { $0 > 0 })
    for start in stride(from: 0, to: wanted.count, by: 32) {
      let chunk = wanted[start..<min(wanted.count, start + 32)]
      await withTaskGroup(of: (Int64, String?).self) { group in
        for id in chunk {
          group.addTask { (id, try? await client.actor.getActor(GetActorRequest(id: id), options: options).canonicalName) }
        }
        for await (id, name) in group {
          if let name { result.names[id] = name }
        }
      }
    }
    return result
  }

  /// Names for the parties of pledges.
  static func fetch(parties pledges: [Pledge], _ client: PledgewireClient, _ options: CallOptions) async -> ActorNames {
    await fetch(pledges.flatMap { $0.parties.map(\.actorID) + $0.evidence.map(\.partyActorID) }, client, options)
  }

  /// "United Kingdom (4)", or "4" when the name is not known.
  func label(_ id: Int64) -> String {
    names[id].map { "\($0) (\(id))" } ?? String(id)
  }

  /// The name alone, or "" when it is not known.
  func name(_ id: Int64) -> String {
    names[id] ?? ""
  }

  /// The labels of the parties of a pledge in one role: "United Kingdom (4), France (7)", opted-out makers marked.
  func parties(_ pledge: Pledge, _ role: PartyRole) -> String {
    pledge.parties.filter { $0.role == role }.map { label($0.actorID) + ($0.optedOut ? " [opted out]" : "") }.joined(separator: ", ")
  }
}
