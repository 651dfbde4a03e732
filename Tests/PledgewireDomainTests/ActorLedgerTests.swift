import PledgewireClient
import PledgewireDomain
import PledgewireStorage
import Testing

@Suite("UpdateActor additions, MergeActors and DeleteActor over TCP")
struct ActorLedgerTests {
  @Test("aliases and affiliations are added and removed one by one; the others stay; labels are replaced and filtered")
  func additions() async throws {
    try await withDomainServer { client, _ in
      let nato = try await client.actor.createActor(CreateActorRequest(actor: validActor("NATO", kind: .organization)))
      let eu = try await client.actor.createActor(CreateActorRequest(actor: validActor("European Union", kind: .organization)))
      var draft = validActor("United Kingdom", aliases: ["UK", "Britain", "London"])
      draft.affiliations = [Affiliation(actorID: nato.id, kind: .memberOf)]
      let uk = try await client.actor.createActor(CreateActorRequest(actor: draft))
      let updated = try await client.actor.updateActor(UpdateActorRequest(
        actor: Actor(id: uk.id, version: 1, labels: ["europe"]), updateMask: ["labels"], addAliases: ["Great Britain", "uk"],
        removeAliases: ["LONDON"], addAffiliations: [Affiliation(actorID: eu.id, kind: .memberOf)]
      ))
      // "uk" folds like "UK", which it has: not added twice. "LONDON" removes "London".
      #expect(updated.aliases == ["UK", "Britain", "Great Britain"])
      #expect(updated.affiliations.map(\.actorID) == [nato.id, eu.id])
      #expect(updated.labels == ["europe"] && updated.version == 2 && updated.kind == uk.kind)
      #expect(try await client.actor.resolveActor(ResolveActorRequest(name: "Great Britain")).candidates.first?.actor?.id == uk.id)
      #expect(try await client.actor.resolveActor(ResolveActorRequest(name: "London")).candidates.isEmpty)
      let removed = try await client.actor.updateActor(UpdateActorRequest(
        actor: Actor(id: uk.id, version: 2), removeAffiliations: [Affiliation(actorID: eu.id, kind: .memberOf)]
      ))
      #expect(removed.affiliations.map(\.actorID) == [nato.id] && removed.aliases == updated.aliases)
      #expect(try await client.actor.listActors(ListActorsRequest(label: "europe")).actors.map(\.id) == [uk.id])

      let refusals: [(UpdateActorRequest, String)] = [
        (UpdateActorRequest(actor: Actor(id: uk.id, version: 3), removeAliases: ["Paris"]), "remove_aliases[0]"),
        (UpdateActorRequest(actor: Actor(id: uk.id, version: 3), addAliases: [" "]), "add_aliases[0]"),
        (UpdateActorRequest(actor: Actor(id: uk.id, version: 3), removeAffiliations: [Affiliation(actorID: eu.id, kind: .memberOf)]), "remove_affiliations[0]"),
        (UpdateActorRequest(actor: Actor(id: uk.id, version: 3), addAffiliations: [Affiliation(actorID: uk.id, kind: .memberOf)]), "add_affiliations[0].actor_id"),
        (UpdateActorRequest(actor: Actor(id: uk.id, version: 3, labels: ["x y "]), updateMask: ["labels"]), "actor.labels[0]"),
      ]
      for (request, field) in refusals {
        let error = await rpcError { _ = try await client.actor.updateActor(request) }
        #expect(error?.code == .invalidArgument && error?.details?.fieldViolations.first?.field == field, "\(field): \(error?.description ?? "none")")
      }
      let missing = await rpcError { _ = try await client.actor.updateActor(UpdateActorRequest(actor: Actor(id: uk.id, version: 3), addAffiliations: [Affiliation(actorID: 99, kind: .memberOf)])) }
      #expect(missing?.code == .notFound && missing?.details?.fieldViolations.first?.field == "add_affiliations[0].actor_id")
      #expect(try await client.actor.getActor(GetActorRequest(id: uk.id)).version == 3)
    }
  }

  @Test("merge moves parties, evidence, mentions and affiliations to the survivor; the duplicate's names become aliases; the cache follows")
  func merge() async throws {
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      let dup = try await client.actor.createActor(CreateActorRequest(actor: validActor("Great Britain", aliases: ["GB", "United Kingdom"])))
      var starmer = validActor("Keir Starmer", kind: .person)
      starmer.affiliations = [Affiliation(actorID: dup.id, kind: .officialOf)]
      let person = try await client.actor.createActor(CreateActorRequest(actor: starmer))
      var article = validArticle("gb", body: "Great Britain will pay.")
      article.mentions = [ActorMention(actorID: dup.id, range: TextRange(start: 0, end: 13))]
      let mentioning = try await client.article.createArticle(CreateArticleRequest(article: article))
      var both = world.pledge()
      both.parties.append(PledgeParty(actorID: dup.id, role: .maker))
      let shared = try await client.pledge.createPledge(CreatePledgeRequest(pledge: both))
      var only = world.pledge()
      only.parties = [PledgeParty(actorID: dup.id, role: .maker)]
      let own = try await client.pledge.createPledge(CreatePledgeRequest(pledge: only))
      // Fill the actor cache with the duplicate, as the GetActor fast path would.
      _ = try await client.actor.getActor(GetActorRequest(id: dup.id))
      let watch = try await WatchRecorder.fromNow(client, services)

      let survivor = try await client.actor.mergeActors(MergeActorsRequest(survivorID: world.maker, duplicateID: dup.id, duplicateVersion: 1))
      #expect(survivor.aliases == ["Great Britain", "GB"])
      #expect(survivor.mergedIDs == [dup.id] && survivor.version == 2)
      let tombstone = try await client.actor.getActor(GetActorRequest(id: dup.id))
      #expect(tombstone.mergedIntoID == world.maker && tombstone.aliases.isEmpty && tombstone.version == 2)
      #expect(try await client.actor.resolveActor(ResolveActorRequest(name: "GB")).candidates.map { $0.actor?.id } == [world.maker])
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: shared.id)).parties.map(\.actorID) == [world.maker, world.beneficiary])
      #expect(try await client.pledge.getPledge(GetPledgeRequest(id: own.id)).parties.map(\.actorID) == [world.maker])
      #expect(try await client.article.getArticle(GetArticleRequest(id: mentioning.id)).mentions.map(\.actorID) == [world.maker])
      let official = try await client.actor.getActor(GetActorRequest(id: person.id))
      #expect(official.affiliations.map(\.actorID) == [world.maker] && official.version == 2)
      // Watch reports the pledges whose parties moved.
      let events = try await watch.next(2)
      #expect(events.map(\.kind) == [.updated, .updated] && Set(events.map { $0.pledge?.id }) == [shared.id, own.id])
      await watch.stop()
      // The tombstone cannot be referred to or changed.
      var refer = world.pledge()
      refer.parties.append(PledgeParty(actorID: dup.id, role: .announcer))
      let merged = await rpcError { _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: refer)) }
      #expect(merged?.code == .failedPrecondition && merged?.details?.fieldViolations.first?.field == "pledge.parties[2].actor_id")
      #expect(await rpcError { _ = try await client.actor.updateActor(UpdateActorRequest(actor: Actor(id: dup.id, version: 2), addAliases: ["x"])) }?.details?.reason == "MERGED")
      #expect(await rpcError { _ = try await client.actor.mergeActors(MergeActorsRequest(survivorID: dup.id, duplicateID: person.id)) }?.details?.reason == "MERGED")
      #expect(await rpcError { _ = try await client.actor.mergeActors(MergeActorsRequest(survivorID: world.maker, duplicateID: world.maker)) }?.details?.fieldViolations.first?.field == "duplicate_id")
      #expect(await rpcError { _ = try await client.actor.mergeActors(MergeActorsRequest(survivorID: world.maker, duplicateID: person.id, survivorVersion: 1)) }?.code == .aborted)
      #expect(try await services.store.integrityCheck() == ["ok"])
    }
  }

  @Test("delete is refused while anything refers to the actor; a deleted actor is gone from the cache and its id is not reused")
  func delete() async throws {
    try await withDomainServer { client, services in
      let world = try await World.make(client)
      let lonely = try await client.actor.createActor(CreateActorRequest(actor: validActor("Lonely")))
      var member = validActor("Member")
      member.affiliations = [Affiliation(actorID: lonely.id, kind: .memberOf)]
      let affiliated = try await client.actor.createActor(CreateActorRequest(actor: member))
      _ = try await client.pledge.createPledge(CreatePledgeRequest(pledge: world.pledge()))
      let withPledge = await rpcError { _ = try await client.actor.deleteActor(DeleteActorRequest(id: world.maker)) }
      #expect(withPledge?.code == .failedPrecondition && withPledge?.details?.reason == "ACTOR_REFERENCED")
      #expect(withPledge?.message.contains("pledges 1") == true)
      let byAffiliation = await rpcError { _ = try await client.actor.deleteActor(DeleteActorRequest(id: lonely.id)) }
      #expect(byAffiliation?.message.contains("affiliations of actors \(affiliated.id)") == true)
      #expect(await rpcError { _ = try await client.actor.deleteActor(DeleteActorRequest(id: affiliated.id, expectedVersion: 4)) }?.code == .aborted)
      _ = try await client.actor.getActor(GetActorRequest(id: affiliated.id))
      _ = try await client.actor.deleteActor(DeleteActorRequest(id: affiliated.id, expectedVersion: 1))
      #expect(services.store.cachedActor(id: affiliated.id) == nil)
      #expect(await rpcError { _ = try await client.actor.getActor(GetActorRequest(id: affiliated.id)) }?.code == .notFound)
      _ = try await client.actor.deleteActor(DeleteActorRequest(id: lonely.id))
      #expect(await rpcError { _ = try await client.actor.deleteActor(DeleteActorRequest(id: lonely.id)) }?.code == .notFound)
      let next = try await client.actor.createActor(CreateActorRequest(actor: validActor("Next")))
      #expect(next.id > affiliated.id)
    }
  }
}
