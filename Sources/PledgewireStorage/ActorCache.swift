import PledgewireWire

/// Actors by id, in memory. The store fills it on reads and on every write it commits, and it is the only
/// writer of actors, so the cache is never stale; a cache hit answers without touching SQLite or suspending.
/// Deleted actors are remembered as deleted (ids are never reused), so that a read that raced the deletion cannot
/// put one back.
package final class ActorCache: Sendable {
  /// What the cache knows of an id.
  package struct Lookup {
    /// nil: the actor was deleted.
    package let actor: Actor?
  }

  private struct State {
    var entries: [Int64: Actor] = [:]
    var deleted: Set<Int64> = []
    /// Raised whenever another process changed actors (``forget(_:)``).
    var generation: UInt64 = 0
  }

  private let state = Locked(State())
  package let capacity: Int

  package init(capacity: Int = 200_000) {
    self.capacity = capacity
  }

  /// The cached actor; nil when it is not cached or was deleted.
  package func actor(_ id: Int64) -> Actor? {
    state.withLock { $0.entries[id] }
  }

  /// What the cache knows of `id`; nil when nothing.
  package func lookup(_ id: Int64) -> Lookup? {
    state.withLock { state in
      if let actor = state.entries[id] {
        return Lookup(actor: actor)
      }
      return state.deleted.contains(id) ? Lookup(actor: nil) : nil
    }
  }

  /// Remembers actors, keeping the newer version when two writers (or a writer and a slower reader) race, and
  /// never an actor that was deleted.
  package func store(_ actors: some Sequence<Actor>) {
    state.withLock { state in
      Self.store(actors, capacity: capacity, &state)
    }
  }

  /// The current generation: take it before a read whose result may be cached with ``store(_:ifGeneration:)``.
  package var generation: UInt64 {
    state.withLock { $0.generation }
  }

  /// Remembers actors read since `generation`, unless another process changed actors meanwhile (their read may
  /// predate that change).
  package func store(_ actors: some Sequence<Actor>, ifGeneration generation: UInt64) {
    state.withLock { state in
      guard state.generation == generation else { return }
      Self.store(actors, capacity: capacity, &state)
    }
  }

  private static func store(_ actors: some Sequence<Actor>, capacity: Int, _ state: inout State) {
    for actor in actors where !state.deleted.contains(actor.id) {
      if let cached = state.entries[actor.id], cached.version >= actor.version {
        continue
      }
      if state.entries.count >= capacity && state.entries[actor.id] == nil {
        // Full: start over rather than track recency; refills are one read each.
        state.entries.removeAll(keepingCapacity: true)
      }
      state.entries[actor.id] = actor
    }
  }

  /// Drops actors another process changed or deleted (nil: every actor, when its notifications may have been
  /// lost); they are read again on their next use.
  package func forget(_ ids: [Int64]?) {
    state.withLock { state in
      state.generation += 1
      if let ids {
        for id in ids { state.entries[id] = nil }
      } else {
        state.entries.removeAll()
      }
    }
  }

  /// Forgets deleted actors for good.
  package func markDeleted(_ ids: some Sequence<Int64>) {
    state.withLock { state in
      for id in ids {
        state.entries[id] = nil
        state.deleted.insert(id)
      }
    }
  }
}
