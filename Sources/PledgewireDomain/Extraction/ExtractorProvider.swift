import PledgewireExtraction
import PledgewireStorage
import PledgewireWire

/// The extractor for the actor table as it is: built from every live actor the first time it is needed, kept
/// while the table stays the same, and built again after any actor write through these services (which call
/// ``invalidate()``). Calls in between share one immutable extractor, so a call costs no index building.
public final class ExtractorProvider: Sendable {
  private struct State {
    /// Bumped by every actor write.
    var generation: Int64 = 0
    var built: (generation: Int64, extractor: Extractor)?
  }

  private let store: any PledgewireStore
  private let state = Locked(State())

  public init(store: any PledgewireStore) {
    self.store = store
  }

  /// Marks the extractor out of date: the actor table changed.
  public func invalidate() {
    state.withLock { $0.generation += 1 }
  }

  /// What the extractor finds in `text`. The work runs on the global concurrent executor: a handler's task
  /// prefers its connection's I/O loop, which must not wait for CPU work.
  public func extract(_ text: String, publishedAtMs: Int64?) async throws -> PledgewireExtraction.Extraction {
    let extractor = try await extractor()
    return await withTaskExecutorPreference(globalConcurrentExecutor) {
      extractor.extract(text, publishedAtMs: publishedAtMs)
    }
  }

  /// The extractor for the current actor table.
  public func extractor() async throws -> Extractor {
    let (generation, built) = state.withLock { ($0.generation, $0.built) }
    if let built, built.generation == generation {
      return built.extractor
    }
    let known = try await knownActors()
    let extractor = await withTaskExecutorPreference(globalConcurrentExecutor) {
      Extractor(directory: ActorDirectory(known))
    }
    state.withLock { state in
      // A write during the build leaves the generation newer than this extractor: the next call builds again.
      if (state.built?.generation ?? -1) < generation {
        state.built = (generation, extractor)
      }
    }
    return extractor
  }

  /// Every live actor, read page by page.
  private func knownActors() async throws -> [KnownActor] {
    var known: [KnownActor] = []
    var cursor: ActorCursor?
    while true {
      let page = try await store.listActors(ActorQuery(after: cursor, limit: 1_000))
      known += page.compactMap(CandidateMessages.knownActor)
      guard page.count == 1_000, let last = page.last else { return known }
      cursor = ActorCursor(sortName: NameFolding.fold(last.canonicalName), id: last.id)
    }
  }
}
