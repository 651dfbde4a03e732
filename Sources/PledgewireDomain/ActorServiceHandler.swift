import PledgewireWire
import PledgewireServer
import PledgewireStorage

/// `pledgewire.v1.ActorService`: people, countries, organisations and groups, with aliases and affiliations;
/// edits with an update mask, merges of duplicates and deletion of what nothing refers to.
public struct ActorServiceHandler: ActorService.ServiceProtocol {
  let store: any PledgewireStore
  let hub: PledgeEventHub
  /// Told of every actor write, so that extraction resolves names against the table as it is.
  let extractors: ExtractorProvider?
  let now: @Sendable () -> Int64

  public init(
    store: any PledgewireStore, hub: PledgeEventHub, extractors: ExtractorProvider? = nil, now: @escaping @Sendable () -> Int64 = WallClock.now
  ) {
    self.store = store
    self.hub = hub
    self.extractors = extractors
    self.now = now
  }

  public func register(in router: inout Router) {
    registerMethods(in: &router)
    // GetActor answers from the store's actor cache right on the I/O loop when it can.
    router.unary(ActorService.GetActor.self, fastPath: { request, _ in
      try FieldCheck.positive(request.id, "id")
      return store.cachedActor(id: request.id)
    }) { request, context in
      try await getActor(request, context: context)
    }
  }

  public func createActor(_ request: CreateActorRequest, context: ServerContext) async throws -> Actor {
    try await create([request], WriteContext(context, now: now()))[0].get()
  }

  public func getActor(_ request: GetActorRequest, context: ServerContext) async throws -> Actor {
    try FieldCheck.positive(request.id, "id")
    guard let actor = try await store.actor(id: request.id) else {
      throw RPCError(.notFound, "actor \(request.id) does not exist")
    }
    return actor
  }

  public func resolveActor(_ request: ResolveActorRequest, context: ServerContext) async throws -> ResolveActorResponse {
    try FieldCheck.required(request.name, "name", max: 300)
    try FieldCheck.known(request.kind, "kind", allowUnspecified: true)
    guard request.maxCandidates >= 0 && request.maxCandidates <= 100 else {
      throw RPCError.invalidArgument(field: "max_candidates", "must be 1...100 (or 0 for 10)")
    }
    let candidates = try await store.resolveActors(
      request.name, kind: request.kind == .unspecified ? nil : request.kind,
      limit: request.maxCandidates == 0 ? 10 : Int(request.maxCandidates)
    )
    return ResolveActorResponse(candidates: candidates)
  }

  public func importActors(_ requests: RequestStream<CreateActorRequest>, context: ServerContext) async throws -> ImportResponse {
    try await Importer.run(requests) { batch in
      try await create(batch, WriteContext(context, now: now())).map { $0.map(\.id) }
    }
  }

  /// Validates and inserts actors, each on its own.
  func create(_ requests: [CreateActorRequest], _ context: WriteContext) async throws -> [Result<Actor, RPCError>] {
    defer { extractors?.invalidate() }
    var prepared: [Result<Actor, RPCError>] = []
    let referenced = Set(requests.flatMap { $0.actor?.affiliations.map(\.actorID) ?? [] })
    let states = try await store.actorStates(referenced)
    for request in requests {
      prepared.append(Result {
        guard var actor = request.actor else {
          throw RPCError.invalidArgument(field: "actor", "is required")
        }
        actor.id = 0
        try Self.validate(actor, field: "actor")
        for (index, affiliation) in actor.affiliations.enumerated() {
          try Self.checkReference(affiliation.actorID, states, field: "actor.affiliations[\(index)].actor_id")
        }
        return actor
      }.mapError { $0 as? RPCError ?? RPCError(.internal, "\($0)") })
    }
    let valid = prepared.compactMap { try? $0.get() }
    var stored = (valid.isEmpty ? [] : try await store.insertActors(valid, context)).makeIterator()
    return prepared.map { result in result.flatMap { _ in stored.next()! } }
  }

  static func validate(_ actor: Actor, field: String) throws {
    try FieldCheck.known(actor.kind, "\(field).kind")
    try FieldCheck.required(actor.canonicalName, "\(field).canonical_name", max: 300)
    try FieldCheck.count(actor.aliases, "\(field).aliases", max: 200)
    for (index, alias) in actor.aliases.enumerated() {
      try FieldCheck.required(alias, "\(field).aliases[\(index)]", max: 300)
    }
    try FieldCheck.length(actor.role, "\(field).role", max: 300)
    try FieldCheck.countryCode(actor.countryCode, "\(field).country_code")
    try FieldCheck.length(actor.description, "\(field).description", max: 5_000)
    try FieldCheck.count(actor.affiliations, "\(field).affiliations", max: 500)
    for (index, affiliation) in actor.affiliations.enumerated() {
      try FieldCheck.positive(affiliation.actorID, "\(field).affiliations[\(index)].actor_id")
      try FieldCheck.known(affiliation.kind, "\(field).affiliations[\(index)].kind")
      if affiliation.actorID == actor.id && actor.id != 0 {
        throw RPCError.invalidArgument(field: "\(field).affiliations[\(index)].actor_id", "an actor cannot be affiliated with itself")
      }
    }
    try FieldCheck.count(actor.externalIDs, "\(field).external_ids", max: 50)
    for (index, external) in actor.externalIDs.enumerated() {
      try FieldCheck.required(external.scheme, "\(field).external_ids[\(index)].scheme", max: 100)
      try FieldCheck.required(external.value, "\(field).external_ids[\(index)].value", max: 300)
    }
    try FieldCheck.labels(actor.labels, "\(field).labels")
  }

  /// An actor a request refers to exists and is not a merged tombstone: `NOT_FOUND`, or `FAILED_PRECONDITION`
  /// naming the survivor, with the field.
  static func checkReference(_ id: Int64, _ states: [Int64: RecordState], field: String) throws {
    switch states[id] {
    case .live:
      return
    case .merged(let survivor):
      throw RPCError(
        .failedPrecondition, "\(field): actor \(id) was merged into actor \(survivor); refer to that one",
        details: ErrorDetails(reason: "MERGED", fieldViolations: [FieldViolation(field: field, description: "actor \(id) was merged into actor \(survivor)")], existingID: survivor)
      )
    case nil:
      throw RPCError(
        .notFound, "\(field): actor \(id) does not exist",
        details: ErrorDetails(reason: "MISSING_REFERENCE", fieldViolations: [FieldViolation(field: field, description: "actor \(id) does not exist")])
      )
    }
  }

  public func updateActor(_ request: UpdateActorRequest, context: ServerContext) async throws -> Actor {
    defer { extractors?.invalidate() }
    let edit = try ActorEdit(request)
    let states = try await store.actorStates(edit.referencedActors)
    for (field, id) in edit.references {
      try Self.checkReference(id, states, field: field)
    }
    return try await store.reviseActor(id: edit.id, expectedVersion: edit.version, WriteContext(context, now: now())) { current in
      let (actor, summary) = try edit.apply(to: current)
      try Self.validate(actor, field: "actor")
      return ActorRevision(actor: actor, summary: summary)
    }
  }

  public func mergeActors(_ request: MergeActorsRequest, context: ServerContext) async throws -> Actor {
    defer { extractors?.invalidate() }
    try FieldCheck.merge(survivor: request.survivorID, duplicate: request.duplicateID, "an actor")
    let merge = try await store.mergeActors(
      survivorID: request.survivorID, duplicateID: request.duplicateID,
      survivorVersion: try FieldCheck.expectedVersion(request.survivorVersion, "survivor_version"),
      duplicateVersion: try FieldCheck.expectedVersion(request.duplicateVersion, "duplicate_version"), WriteContext(context, now: now())
    )
    hub.publish(merge.events)
    return merge.survivor
  }

  public func deleteActor(_ request: DeleteActorRequest, context: ServerContext) async throws -> DeleteActorResponse {
    defer { extractors?.invalidate() }
    try FieldCheck.positive(request.id, "id")
    let version = try FieldCheck.expectedVersion(request.expectedVersion, "expected_version")
    try await store.deleteActor(id: request.id, expectedVersion: version, WriteContext(context, now: now()))
    return DeleteActorResponse()
  }

  public func listActors(_ request: ListActorsRequest, context: ServerContext) async throws -> ListActorsResponse {
    let limit = try FieldCheck.pageSize(request.pageSize, fallback: 50)
    try FieldCheck.known(request.kind, "kind", allowUnspecified: true)
    try FieldCheck.length(request.namePrefix, "name_prefix", max: 300)
    try FieldCheck.length(request.label, "label", max: 64)
    var fingerprint = request
    fingerprint.pageToken = ""
    fingerprint.pageSize = 0
    let cursor = try PageToken.decode(request.pageToken, scope: "actors", query: fingerprint, fieldCount: 2).map {
      ActorCursor(sortName: $0[0], id: try PageToken.int($0[1]))
    }
    var actors = try await store.listActors(ActorQuery(
      kind: request.kind == .unspecified ? nil : request.kind,
      namePrefix: request.namePrefix.isEmpty ? nil : NameFolding.fold(request.namePrefix),
      label: request.label.isEmpty ? nil : request.label,
      after: cursor,
      limit: limit + 1
    ))
    var next = ""
    if actors.count > limit {
      actors.removeLast()
      let last = actors[actors.count - 1]
      next = PageToken.encode(scope: "actors", query: fingerprint, fields: [NameFolding.fold(last.canonicalName), String(last.id)])
    }
    return ListActorsResponse(actors: actors, nextPageToken: next)
  }
}
