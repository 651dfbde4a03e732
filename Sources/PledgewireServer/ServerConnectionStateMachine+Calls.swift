import PledgewireTransport
import PledgewireWire

/// The events that come from handlers: answers, streamed responses, requests taken, and the end of a call.
extension ServerConnectionStateMachine {
  /// Remembers the task running the call's handler, to cancel it if the call ends without it.
  mutating func attach(_ task: Task<Void, Never>, to streamID: UInt32) {
    streams[streamID]?.task = task
  }

  /// Runs a fast path that writes its answer straight into the output: `body` returns false to decline (nothing
  /// written, the handler runs instead) or true once it wrote the response MESSAGE. Returns whether the call
  /// ended. An answer that comes after the deadline is taken back and the call ends with `DEADLINE_EXCEEDED`;
  /// an error ends the call with its status.
  mutating func answer(_ streamID: UInt32, now: () -> UInt64, _ body: (inout FrameEncoder) throws -> Bool) -> Bool {
    guard let stream = streams[streamID] else { return true }
    let mark = core.output.count
    do {
      guard try core.withOutput(body) else { return false }
    } catch {
      end(streamID, Self.trailers(for: error), now: now(), byHandler: true)
      return true
    }
    let time = now()
    if let deadline = stream.deadline, time >= deadline {
      core.withOutput { $0.removeLast($0.count - mark) }
      end(streamID, Self.deadlineExceeded, now: time, byHandler: true)
    } else if mark > 0 && core.output.count > configuration.maxQueuedOutputBytes {
      core.withOutput { $0.removeLast($0.count - mark) }
      end(streamID, outputFull(), now: time, byHandler: true)
    } else {
      end(streamID, Trailers(code: .ok), now: time, byHandler: true)
    }
    return true
  }

  /// A unary or client-streaming handler returned: its response written by `write`, then OK trailers. After the
  /// deadline, `DEADLINE_EXCEEDED` instead; a response over the client's max frame size, `RESOURCE_EXHAUSTED`. When
  /// such a call of a method that is not idempotent fails, its write committed: `committedID` (asked for only
  /// then) names the record in `details.committed_id`, so that a client does not retry it.
  mutating func complete(
    _ streamID: UInt32, now: UInt64, committedID: () -> Int64 = { 0 }, response write: (inout FrameEncoder) throws -> Void
  ) {
    guard let stream = streams[streamID] else { return }
    if let deadline = stream.deadline, now >= deadline {
      end(streamID, afterCommit(Self.deadlineExceeded, stream, committedID), now: now, byHandler: true)
      return
    }
    do {
      let mark = core.output.count
      try core.withOutput { try write(&$0) }
      guard mark == 0 || core.output.count <= configuration.maxQueuedOutputBytes else {
        core.withOutput { $0.removeLast($0.count - mark) }
        end(streamID, afterCommit(outputFull(), stream, committedID), now: now, byHandler: true)
        return
      }
      end(streamID, Trailers(code: .ok), now: now, byHandler: true)
    } catch {
      end(streamID, afterCommit(Self.trailers(for: error), stream, committedID), now: now, byHandler: true)
    }
  }

  /// `trailers` with `details.committed_id` set, and the message saying not to retry, when the stream's method writes
  /// and `committedID` names a record.
  private func afterCommit(_ trailers: Trailers, _ stream: ServerStream, _ committedID: () -> Int64) -> Trailers {
    guard !methods.handlers[stream.method].descriptor.isIdempotent else { return trailers }
    let id = committedID()
    guard id != 0 else { return trailers }
    var trailers = trailers
    var details = trailers.details ?? ErrorDetails()
    details.committedID = id
    trailers.details = details
    trailers.message += " (the write committed record \(id): do not retry it)"
    return trailers
  }

  /// The handler ended the call with `trailers` (a server stream's end, or an error).
  mutating func complete(_ streamID: UInt32, trailers: Trailers, now: UInt64) {
    guard let stream = streams[streamID] else { return }
    if trailers.code == .ok, let deadline = stream.deadline, now >= deadline {
      end(streamID, Self.deadlineExceeded, now: now, byHandler: true)
    } else {
      end(streamID, trailers, now: now, byHandler: true)
    }
  }

  /// A server-streaming handler sends a message. Returns whether it must wait for ``ServerEffect/outputDrained``
  /// before the next; throws `CANCELLED` when the call is over.
  mutating func send(_ streamID: UInt32, _ write: (inout FrameEncoder) throws -> Void) throws -> Bool {
    guard streams[streamID] != nil else { throw Self.callOver }
    try core.withOutput { try write(&$0) }
    return core.isOutputOverLimit
  }

  /// Whether a streaming writer may go on now.
  func mayWrite(_ streamID: UInt32) throws -> Bool {
    guard streams[streamID] != nil else { throw Self.callOver }
    return !core.isOutputOverLimit
  }

  /// A client-streaming handler asks for its next request.
  mutating func takeRequest(_ streamID: UInt32, now: UInt64) -> RequestTake {
    guard streams[streamID] != nil else { return .cancelled }
    if let payload = streams[streamID]!.takeBuffered() {
      heldRequestBytes -= payload.count
      if core.isInboundOverLimit && streams[streamID]!.bufferedRequestCount < configuration.maxBufferedRequestMessages / 2
        && heldRequestBytes <= configuration.maxBufferedRequestBytes / 2 {
        updateInboundLimit(now: now)
      }
      return .message(payload)
    }
    return streams[streamID]!.halfClosed ? .end : .wait
  }

  /// Reading pauses while some call has a full buffer of requests, the connection's calls hold half their limit
  /// of request bytes, or the server is over its limit while this connection holds some (its handlers taking them
  /// resume it), and resumes otherwise.
  mutating func updateInboundLimit(now: UInt64) {
    let limit = configuration.maxBufferedRequestMessages
    let full = heldRequestBytes > configuration.maxBufferedRequestBytes / 2 || streams.values.contains { $0.bufferedRequestCount >= limit }
      || (heldRequestBytes > 0 && !requestBytes.hasRoom(for: 0))
    core.setInboundOverLimit(full, now: now)
  }

  // MARK: Ending calls

  /// Sends the trailers and forgets the call. Unless the handler itself ended it, a handler still running is
  /// stopped (``CallEnd/stopHandler``).
  mutating func end(_ streamID: UInt32, _ trailers: Trailers, now: UInt64, byHandler: Bool = false) {
    guard streams[streamID] != nil else { return }
    writeTrailers(streamID, trailers)
    remove(streamID, code: trailers.code, stopHandler: !byHandler, now: now)
  }

  /// Forgets the call; what it must still send, it sent.
  mutating func remove(_ streamID: UInt32, code: StatusCode, stopHandler: Bool, now: UInt64) {
    guard let stream = streams.removeValue(forKey: streamID) else { return }
    heldRequestBytes -= stream.heldBytes
    let stop = stopHandler && stream.phase == .running
    effects.append(.ended(CallEnd(
      streamID: streamID, method: stream.method, code: code, nanoseconds: now &- stream.startedAt,
      stopHandler: stop, task: stop ? stream.task : nil
    )))
    if core.isInboundOverLimit {
      // A call that ended with its buffer full must not keep the connection from being read.
      updateInboundLimit(now: now)
    }
    if streams.isEmpty {
      becameIdle(now: now)
    }
  }

  /// Trailers always fit the client's max frame size (at least 16 KiB): a message is cut to 4 KiB, and details
  /// or metadata too large to fit are dropped, so that no call is left without its end.
  private mutating func writeTrailers(_ streamID: UInt32, _ trailers: Trailers) {
    var trailers = trailers
    if trailers.message.utf8.count > 4_096 {
      trailers.message = String(decoding: trailers.message.utf8.prefix(4_096), as: UTF8.self)
    }
    do {
      try core.writeChecked(.trailers(streamID: streamID, trailers))
    } catch {
      let message = String(decoding: trailers.message.utf8.prefix(1_024), as: UTF8.self)
      core.write(.trailers(streamID: streamID, Trailers(code: trailers.code, message: message + " (details left out: over the client's max frame size)")))
    }
  }

  /// The trailers of a response left out because the client does not read what it was sent.
  private func outputFull() -> Trailers {
    Trailers(
      code: .resourceExhausted,
      message: "the response was not queued: \(core.output.count) bytes wait for the client to read them (limit \(configuration.maxQueuedOutputBytes))",
      details: ErrorDetails(reason: "OUTPUT_FULL")
    )
  }

  static let deadlineExceeded = Trailers(code: .deadlineExceeded, message: "the deadline passed before the call finished")
  static let callOver = RPCError(.cancelled, "the call was cancelled")

  /// The trailers a handler's error ends its call with.
  static func trailers(for error: any Error) -> Trailers {
    switch error {
    case let error as RPCError: error.trailers
    case is CancellationError: Trailers(code: .cancelled, message: "the call was cancelled")
    default: Trailers(code: .unknown, message: "the handler failed: \(error)")
    }
  }
}
