import ArgumentParser
import Foundation
import PledgewireClient

extension PledgeCommand {
  struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Merge a duplicate pledge into the one that stays.",
      discussion: """
        The survivor gets the duplicate's evidence, history, parties and labels; links to the duplicate move to it;
        the duplicate stays as a tombstone that pledge get shows with "merged into".
        Example:
          pledgewire pledge merge 4 12
        """
    )
    @Argument(help: "The pledge that stays.") var survivor: Int64
    @Argument(help: "The duplicate merged into it.") var duplicate: Int64
    @Option(help: "Fail unless the survivor is still at this version.") var survivorVersion: Int64 = 0
    @Option(help: "Fail unless the duplicate is still at this version.") var duplicateVersion: Int64 = 0
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let merged = try await client.pledge.mergePledges(MergePledgesRequest(
          survivorID: survivor, duplicateID: duplicate, survivorVersion: survivorVersion, duplicateVersion: duplicateVersion
        ), options: options.callOptions)
        await PledgeCommand.show(merged, client, options, output)
      }
    }
  }

  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete a pledge with its evidence and history. Refused while another pledge is part of it or supersedes it.",
      discussion: "A pledge recorded twice is better merged (pledge merge): references to it then still resolve.\nExample:\n  pledgewire pledge delete 12 --version 3"
    )
    @Argument(help: "Pledge id.") var id: Int64
    @Option(help: "Fail unless the pledge is still at this version.") var version: Int64 = 0
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let response = try await client.pledge.deletePledge(DeletePledgeRequest(id: id, expectedVersion: version), options: options.callOptions)
        output.record(response, [("deleted", "pledge \(id)")])
      }
    }
  }

  struct Similar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List recorded pledges that may be the same as this one, best first, with why.",
      discussion: "Example:\n  pledgewire pledge similar 4 --window-days 365"
    )
    @Argument(help: "Pledge id.") var id: Int64
    @Option(help: "Results, 1...100.") var limit: Int32 = 10
    @Option(help: "Made within this many days of it.") var windowDays: Int32 = 90
    @Option(help: "The lowest score shown, 0...1.") var minScore: Double = 0.35
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let pledge = try await client.pledge.getPledge(GetPledgeRequest(id: id), options: options.callOptions)
        let similar = try await client.pledge.findSimilarPledges(FindSimilarPledgesRequest(
          pledge: pledge, maxResults: limit, windowDays: windowDays, minScore: minScore, excludeID: id
        ), options: options.callOptions).pledges
        if output.format == .table {
          let names = await ActorNames.fetch(parties: similar.compactMap(\.pledge), client, options.callOptions)
          print(similar.isEmpty ? "no similar pledge" : PledgeCommand.similarTable(similar, names))
        } else {
          output.list(similar, [
            .init(title: "ID", value: { String($0.pledge?.id ?? 0) }),
            .init(title: "SCORE", value: { String(format: "%.3f", $0.score) }),
            .init(title: "ACTION", value: { $0.pledge?.action ?? "" }),
            .init(title: "WHY", value: { $0.reasons.joined(separator: "; ") }),
          ])
        }
      }
    }
  }

  struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show every write to a pledge: who, when, through which call, versions before and after.",
      discussion: "Example:\n  pledgewire pledge audit 4"
    )
    @Argument(help: "Pledge id.") var id: Int64
    @OptionGroup var paging: PagingOptions
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await AuditCommand.list(ListAuditEntriesRequest(recordType: .pledge, recordID: id), paging, options)
    }
  }
}
