import PledgewireClient
import PledgewireDomain
import PledgewireStorage
import Testing

@Suite("ActorService over TCP")
struct ActorTests {
  @Test("create assigns id and version 1; get returns it; unknown ids are NOT_FOUND")
  func createAndGet() async throws {
    try await withDomainServer(now: { 42 }) { client, _ in
      let created = try await client.actor.createActor(CreateActorRequest(actor: Actor(
        kind: .person, canonicalName: "Keir Starmer", aliases: ["Starmer"], role: "Prime Minister",
        externalIDs: [ExternalId(scheme: "wikidata", value: "Q6384843")]
      )))
      #expect(created.id > 0 && created.version == 1 && created.createdAtMs == 42 && created.updatedAtMs == 42)
      #expect(try await client.actor.getActor(GetActorRequest(id: created.id)) == created)
      #expect(await rpcError { _ = try await client.actor.getActor(GetActorRequest(id: 777)) }?.code == .notFound)
    }
  }

  static let invalid: [(String, @Sendable (inout Actor) -> Void, String)] = [
    ("no kind", { $0.kind = .unspecified }, "actor.kind"),
    ("an unknown kind", { $0.kind = .unrecognized(9) }, "actor.kind"),
    ("no name", { $0.canonicalName = "" }, "actor.canonical_name"),
    ("a long name", { $0.canonicalName = String(repeating: "x", count: 301) }, "actor.canonical_name"),
    ("an empty alias", { $0.aliases = ["A", " "] }, "actor.aliases[1]"),
    ("a two-letter country code", { $0.countryCode = "GB" }, "actor.country_code"),
    ("a lowercase country code", { $0.countryCode = "gbr" }, "actor.country_code"),
    ("an affiliation without kind", { $0.affiliations = [Affiliation(actorID: 1)] }, "actor.affiliations[0].kind"),
    ("an affiliation to id 0", { $0.affiliations = [Affiliation(actorID: 0, kind: .memberOf)] }, "actor.affiliations[0].actor_id"),
    ("an external id without scheme", { $0.externalIDs = [ExternalId(value: "Q1")] }, "actor.external_ids[0].scheme"),
  ]

  @Test("invalid actors are INVALID_ARGUMENT naming the field, and nothing is stored", arguments: invalid.indices)
  func validation(_ index: Int) async throws {
    let (name, change, field) = Self.invalid[index]
    try await withDomainServer { client, services in
      var actor = validActor("United Kingdom")
      change(&actor)
      let error = await rpcError { _ = try await client.actor.createActor(CreateActorRequest(actor: actor)) }
      #expect(error?.code == .invalidArgument, "\(name)")
      #expect(error?.details?.fieldViolations.first?.field == field, "\(name): \(error?.message ?? "no error")")
      let stored = try await services.store.isEmpty()
      #expect(stored)
    }
  }

  @Test("an affiliation with an actor that does not exist is NOT_FOUND naming it")
  func missingAffiliation() async throws {
    try await withDomainServer { client, _ in
      var actor = validActor("Keir Starmer", kind: .person)
      actor.affiliations = [Affiliation(actorID: 5, kind: .officialOf)]
      let error = await rpcError { _ = try await client.actor.createActor(CreateActorRequest(actor: actor)) }
      #expect(error?.code == .notFound)
      #expect(error?.message == "actor.affiliations[0].actor_id: actor 5 does not exist")
    }
  }

  @Test("list by kind and by name prefix (accents and case ignored), in name order, paged")
  func list() async throws {
    try await withDomainServer(sample: true) { client, _ in
      let countries = try await client.actor.listActors(ListActorsRequest(kind: .country, pageSize: 1000))
      #expect(countries.actors.count == 10)
      #expect(countries.actors.allSatisfy { $0.kind == .country })
      let names = countries.actors.map { NameFolding.fold($0.canonicalName) }
      #expect(names == names.sorted())

      let zel = try await client.actor.listActors(ListActorsRequest(namePrefix: "ZÉL"))
      #expect(zel.actors.map(\.canonicalName) == ["Volodymyr Zelensky"])
      // "Kyiv" is an alias of Ukraine.
      #expect(try await client.actor.listActors(ListActorsRequest(namePrefix: "kyi")).actors.map(\.canonicalName) == ["Ukraine"])

      var collected: [Int64] = []
      var token = ""
      repeat {
        let page = try await client.actor.listActors(ListActorsRequest(pageSize: 4, pageToken: token))
        collected += page.actors.map(\.id)
        token = page.nextPageToken
      } while !token.isEmpty
      #expect(collected.count == LondonSummitSample.actors.count)
      #expect(Set(collected).count == LondonSummitSample.actors.count)
    }
  }

  @Test("update replaces the masked fields and bumps the version; a stale version is ABORTED")
  func update() async throws {
    try await withDomainServer { client, _ in
      let uk = try await client.actor.createActor(CreateActorRequest(actor: validActor("United Kingdom", aliases: ["UK"])))
      var change = uk
      change.aliases = ["UK", "Britain"]
      change.role = "ignored: not in the mask"
      let updated = try await client.actor.updateActor(UpdateActorRequest(actor: change, updateMask: ["aliases"]))
      #expect(updated.version == 2)
      #expect(updated.aliases == ["UK", "Britain"])
      #expect(updated.role == "")
      // The new alias resolves.
      #expect(try await client.actor.resolveActor(ResolveActorRequest(name: "Britain")).candidates.first?.actor?.id == uk.id)

      let stale = await rpcError { _ = try await client.actor.updateActor(UpdateActorRequest(actor: change, updateMask: ["role"])) }
      #expect(stale?.code == .aborted)
      #expect(stale?.details?.reason == "STALE_VERSION")
      #expect(try await client.actor.getActor(GetActorRequest(id: uk.id)).version == 2)

      var unversioned = updated
      unversioned.version = 0
      #expect(await rpcError { _ = try await client.actor.updateActor(UpdateActorRequest(actor: unversioned)) }?.details?.fieldViolations.first?.field == "actor.version")
      #expect(await rpcError { _ = try await client.actor.updateActor(UpdateActorRequest(actor: updated, updateMask: ["id"])) }?.details?.fieldViolations.first?.field == "update_mask[0]")
      var selfAffiliated = updated
      selfAffiliated.affiliations = [Affiliation(actorID: uk.id, kind: .memberOf)]
      #expect(await rpcError { _ = try await client.actor.updateActor(UpdateActorRequest(actor: selfAffiliated, updateMask: ["affiliations"])) }?.details?.fieldViolations.first?.field == "actor.affiliations[0].actor_id")
      // An empty mask without additions or removals names nothing to change.
      #expect(await rpcError { _ = try await client.actor.updateActor(UpdateActorRequest(actor: updated)) }?.details?.fieldViolations.first?.field == "update_mask")
      var missing = updated
      missing.id = 999
      #expect(await rpcError { _ = try await client.actor.updateActor(UpdateActorRequest(actor: missing, updateMask: ["role"])) }?.code == .notFound)
      #expect(try await client.actor.getActor(GetActorRequest(id: uk.id)).version == 2)
    }
  }

  @Test("resolve finds people by any spelling and countries by their capitals and short names", arguments: [
    ("Zelenskyy", "Volodymyr Zelensky"),
    ("Zelensky", "Volodymyr Zelensky"),
    ("Volodymyr Zelensky", "Volodymyr Zelensky"),
    ("zelenskiy", "Volodymyr Zelensky"),
    ("Kyiv", "Ukraine"),
    ("Kiev", "Ukraine"),
    ("Washington", "United States"),
    ("Britain", "United Kingdom"),
    ("UK", "United Kingdom"),
    ("the UK", "United Kingdom"),
    ("Turkiye", "Turkey"),
    ("von der leyen", "Ursula von der Leyen"),
    ("Starmr", "Keir Starmer"),
  ])
  func resolve(_ name: String, _ expected: String) async throws {
    try await withDomainServer(sample: true) { client, _ in
      let candidates = try await client.actor.resolveActor(ResolveActorRequest(name: name)).candidates
      #expect(candidates.first?.actor?.canonicalName == expected, "\(name) → \(candidates.map { "\($0.actor?.canonicalName ?? "") \($0.score)" })")
      #expect(candidates.map(\.score) == candidates.map(\.score).sorted(by: >))
    }
  }

  @Test("resolve: the kind filter, the limit, no match, and its errors")
  func resolveEdges() async throws {
    try await withDomainServer(sample: true) { client, _ in
      #expect(try await client.actor.resolveActor(ResolveActorRequest(name: "Washington", kind: .person)).candidates.isEmpty)
      #expect(try await client.actor.resolveActor(ResolveActorRequest(name: "Qwxz Plov")).candidates.isEmpty)
      let exact = try await client.actor.resolveActor(ResolveActorRequest(name: "Ukraine", maxCandidates: 1)).candidates
      #expect(exact.count == 1 && exact[0].score == 1 && exact[0].matchedName == "Ukraine")
      #expect(await rpcError { _ = try await client.actor.resolveActor(ResolveActorRequest(name: "")) }?.details?.fieldViolations.first?.field == "name")
      #expect(await rpcError { _ = try await client.actor.resolveActor(ResolveActorRequest(name: "x", maxCandidates: 101)) }?.details?.fieldViolations.first?.field == "max_candidates")
    }
  }

  @Test("import creates actors in order and reports failures by position")
  func importActors() async throws {
    try await withDomainServer { client, _ in
      let requests = [validActor("A"), validActor(""), validActor("C")].map { CreateActorRequest(actor: $0) }
      let summary = try await client.actor.importActors(requests)
      #expect(summary.created == 2)
      #expect(summary.failures.map(\.index) == [1])
      #expect(try await client.actor.getActor(GetActorRequest(id: summary.ids[1])).canonicalName == "C")
    }
  }
}
