import PledgewireWire
import PledgewireServer
import PledgewireStorage

extension PledgeServiceHandler {
  public func watchPledges(_ request: WatchPledgesRequest, writer: ResponseWriter<PledgeEvent>, context: ServerContext) async throws {
    let matcher = PledgeEventMatcher(try await Self.query(request.filter ?? PledgeFilter(), store: store))
    // Subscribe before reading the log's position, so that no event falls between the two.
    let live = hub.subscribe()
    var last = try await store.latestEventSequence()
    if !request.resumeToken.isEmpty {
      guard let sequence = ResumeToken.decode(request.resumeToken) else {
        throw RPCError.invalidArgument(field: "resume_token", "is not a token this server issued")
      }
      guard sequence <= last else {
        throw RPCError.invalidArgument(field: "resume_token", "points past the newest event (\(last)); was the database replaced?")
      }
      last = try await replay(after: sequence, through: last, matcher, writer)
    }
    for try await event in live {
      if event.sequence <= last {
        continue
      }
      if event.sequence > last + 1 {
        // Events committed by other writers may be published out of order: fill the gap from the log.
        last = try await replay(after: last, through: event.sequence - 1, matcher, writer)
      }
      try await send(event, matcher, writer)
      last = event.sequence
    }
  }

  /// Sends the logged events after `after` up to `through` that match; returns `through`.
  private func replay(after: Int64, through: Int64, _ matcher: PledgeEventMatcher, _ writer: ResponseWriter<PledgeEvent>) async throws -> Int64 {
    var position = after
    while position < through {
      let events = try await store.pledgeEvents(after: position, limit: 500)
      guard !events.isEmpty else { break }
      for event in events where event.sequence <= through {
        try await send(event, matcher, writer)
      }
      position = events[events.count - 1].sequence
    }
    return max(after, through)
  }

  private func send(_ event: PledgeEvent, _ matcher: PledgeEventMatcher, _ writer: ResponseWriter<PledgeEvent>) async throws {
    guard let pledge = event.pledge, matcher.matches(pledge) else { return }
    var event = event
    event.resumeToken = ResumeToken.encode(event.sequence)
    try await writer.send(event)
  }
}
