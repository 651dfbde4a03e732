import PledgewireServer
import PledgewireStorage

/// Who may call a method: anyone, or a token of at least a role. ``table`` declares every method of the schema;
/// a method missing from it is refused to every token (a test checks that none is missing).
public enum MethodAccess: Sendable, Equatable {
  /// No token needed: health checks and reflection.
  case open
  /// A token whose role is `role` or above.
  case role(TokenRole)

  /// Every method's access, by full name.
  public static let table: [String: MethodAccess] = {
    var table: [String: MethodAccess] = [:]
    func declare(_ access: MethodAccess, _ methods: [any RPCMethod.Type]) {
      for method in methods {
        precondition(table[method.descriptor.fullName] == nil, "\(method.descriptor.fullName) declared twice")
        table[method.descriptor.fullName] = access
      }
    }
    declare(.open, [
      HealthService.Check.self, HealthService.Watch.self,
      ReflectionService.ListServices.self, ReflectionService.GetDescriptors.self,
    ])
    declare(.role(.reader), [
      ArticleService.GetArticle.self, ArticleService.ListArticles.self, ArticleService.SearchArticles.self,
      ActorService.GetActor.self, ActorService.ListActors.self, ActorService.ResolveActor.self,
      PledgeService.GetPledge.self, PledgeService.ListPledges.self, PledgeService.FindSimilarPledges.self,
      PledgeService.GetPledgeHistory.self, PledgeService.WatchPledges.self,
      ExtractionService.ListCandidates.self, ExtractionService.GetCandidate.self,
      StatsService.GetServerStats.self,
    ])
    declare(.role(.editor), [
      ArticleService.CreateArticle.self, ArticleService.ImportArticles.self,
      ActorService.CreateActor.self, ActorService.UpdateActor.self, ActorService.ImportActors.self,
      PledgeService.CreatePledge.self, PledgeService.UpdatePledgeStatus.self, PledgeService.UpdatePledge.self,
      PledgeService.AddEvidence.self, PledgeService.ImportPledges.self,
      ExtractionService.Extract.self, ExtractionService.AcceptCandidate.self, ExtractionService.RejectCandidate.self,
    ])
    // Destructive or revealing: deletions, merges, and the audit log (who did what, from where).
    declare(.role(.admin), [
      ArticleService.DeleteArticle.self, ActorService.MergeActors.self, ActorService.DeleteActor.self,
      PledgeService.MergePledges.self, PledgeService.DeletePledge.self, AuditService.ListAuditEntries.self,
    ])
    return table
  }()
}
