import ArgumentParser
import Dispatch
import Foundation
import PledgewireClient

extension PledgeCommand {
  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a pledge with its evidence.", discussion: "Example:\n  pledgewire pledge get 4")
    @Argument(help: "Pledge id.") var id: Int64
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let pledge = try await client.pledge.getPledge(GetPledgeRequest(id: id), options: options.callOptions)
        await PledgeCommand.show(pledge, client, options, output)
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List pledges, newest first.",
      discussion: """
        Example:
          pledgewire pledge list --actor 3 --affiliated --status announced \\
            --status in-progress --after 2025
        """
    )
    @OptionGroup var filter: FilterOptions
    @OptionGroup var paging: PagingOptions
    @OptionGroup var options: ClientOptions

    func run() async throws {
      var request = ListPledgesRequest(filter: try filter.filter(), pageSize: paging.limit, pageToken: paging.pageToken)
      try await options.run { client, output in
        var pledges: [Pledge] = []
        repeat {
          let page = try await client.pledge.listPledges(request, options: options.callOptions)
          pledges += page.pledges
          request.pageToken = page.nextPageToken
        } while paging.all && !request.pageToken.isEmpty
        let names = output.isJSON ? ActorNames() : await ActorNames.fetch(parties: pledges, client, options.callOptions)
        output.list(pledges, PledgeCommand.columns(names))
        output.nextPage(request.pageToken)
      }
    }
  }

  struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show a pledge's status history, oldest first.", discussion: "Example:\n  pledgewire pledge history 4 --csv")
    @Argument(help: "Pledge id.") var id: Int64
    @OptionGroup var options: ClientOptions

    func run() async throws {
      try await options.run { client, output in
        let history = try await client.pledge.getPledgeHistory(GetPledgeHistoryRequest(pledgeID: id), options: options.callOptions)
        output.list(history.changes, [
          .init(title: "AT", value: { Dates.format($0.atMs) }),
          .init(title: "FROM", value: { $0.fromStatus == .unspecified ? "" : EnumArgument.display($0.fromStatus) }),
          .init(title: "TO", value: { EnumArgument.display($0.toStatus) + ($0.reopened ? " (reopened)" : "") }),
          .init(title: "NOTE", value: { $0.note }, wraps: true),
          .init(title: "EVIDENCE", value: { $0.evidence.map { "article \($0.articleID): \"\($0.quote)\"" } ?? "" }, wraps: true),
          .init(title: "BY", value: { $0.changedBy }),
        ])
      }
    }
  }

  struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print pledge changes as they happen, until interrupted (Ctrl-C).",
      discussion: """
        Each event carries a resume token; pass the last one to --resume to get what happened while away.
        Example:
          pledgewire pledge watch --category troop-deployment --json
        """
    )
    @OptionGroup var filter: FilterOptions
    @Option(help: "Start after the event with this token, replaying what was missed.") var resume = ""
    @OptionGroup var options: ClientOptions

    func run() async throws {
      let request = WatchPledgesRequest(filter: try filter.filter(), resumeToken: resume)
      try await options.run { client, output in
        let watching = Task {
          for try await event in client.pledge.watchPledges(request, options: options.streamOptions) {
            output.event(event, [
              .init(title: "AT", value: { Dates.format($0.atMs) }),
              .init(title: "EVENT", value: { EnumArgument.display($0.kind) }),
              .init(title: "PLEDGE", value: { "pledge \($0.pledge?.id ?? 0)" }),
              .init(title: "STATUS", value: { $0.pledge.map { EnumArgument.display($0.status) } ?? "" }),
              .init(title: "ACTION", value: { $0.pledge?.action ?? "" }),
              .init(title: "TOKEN", value: { "resume=\($0.resumeToken)" }),
            ])
          }
        }
        // Ctrl-C or SIGTERM ends the watch cleanly: the call is cancelled and the command exits 0.
        let interrupts = [SIGINT, SIGTERM].map { number in
          signal(number, SIG_IGN)
          let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
          source.setEventHandler { watching.cancel() }
          source.activate()
          return source
        }
        defer { interrupts.forEach { $0.cancel() } }
        do {
          try await watching.value
        } catch let error as RPCError where error.code == .cancelled && watching.isCancelled {
          return
        }
      }
    }
  }
}
