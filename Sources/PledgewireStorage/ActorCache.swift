import PledgewireWire
import Synchronization

/// Actors by id, in memory. The store fills it on reads and on every write it commits, and it is the only
/// writer of actors, so the cache is never stale; a cache hit answers without touching SQLite or suspending.
final class ActorCache: Sendable {
  private let entries = Mutex<[Int64: Actor]>([:])
  let capacity: Int

  init(capacity: Int = 200_000) {
    self.capacity = capacity
  }

  func actor(_ id: Int64) -> Actor? {
    entries.withLock { $0[id] }
  }

  /// Remembers actors, keeping the newer version when two writers (or a writer and a slower reader) race.
  func store(_ actors: some Sequence<Actor>) {
    entries.withLock { entries in
      for actor in actors {
        if let cached = entries[actor.id], cached.version >= actor.version {
          continue
        }
        if entries.count >= capacity && entries[actor.id] == nil {
          // Full: start over rather than track recency; refills are one read each.
          entries.removeAll(keepingCapacity: true)
        }
        entries[actor.id] = actor
      }
    }
  }
}
