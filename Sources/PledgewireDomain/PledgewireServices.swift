import PledgewireWire
import PledgewireServer
import PledgewireStorage

/// The Pledgewire services over one store — articles, actors, pledges, extraction and the audit log — sharing one
/// event hub and one extractor for the actor table.
public struct PledgewireServices: RPCService {
  public let store: any PledgewireStore
  public let hub: PledgeEventHub
  public let extractors: ExtractorProvider
  let now: @Sendable () -> Int64

  public init(store: any PledgewireStore, hub: PledgeEventHub = PledgeEventHub(), now: @escaping @Sendable () -> Int64 = WallClock.now) {
    self.store = store
    self.hub = hub
    self.extractors = ExtractorProvider(store: store)
    self.now = now
    // Changes made through other server instances on the same database reach this instance's watchers; Watch
    // drops what it has sent already and fills gaps from the event log.
    if let shared = store.sharedEvents() {
      Task { [hub] in
        for await events in shared {
          hub.publish(events)
        }
      }
    }
  }

  public func register(in router: inout Router) {
    router.register(ArticleServiceHandler(store: store, hub: hub, extractors: extractors, now: now))
    router.register(ActorServiceHandler(store: store, hub: hub, extractors: extractors, now: now))
    router.register(PledgeServiceHandler(store: store, hub: hub, now: now))
    router.register(ExtractionServiceHandler(store: store, hub: hub, extractors: extractors, now: now))
    router.register(AuditServiceHandler(store: store))
    router.expensive(Self.expensiveMethods)
  }

  /// The methods that compute or read much — quote search, name resolution, ranking, similarity, extraction,
  /// imports — and so run off the I/O loops, bounded by the server's limits on concurrent expensive calls.
  public static let expensiveMethods: [any RPCMethod.Type] = [
    PledgeService.CreatePledge.self, PledgeService.UpdatePledge.self, PledgeService.AddEvidence.self,
    PledgeService.FindSimilarPledges.self, PledgeService.ImportPledges.self,
    ArticleService.SearchArticles.self, ArticleService.ImportArticles.self,
    ActorService.ResolveActor.self, ActorService.ImportActors.self,
    ExtractionService.Extract.self,
  ]
}
