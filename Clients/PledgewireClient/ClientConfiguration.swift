import PledgewireTransport
import PledgewireWire

/// How a ``PledgewireClient`` connects and behaves. Immutable once the client exists.
public struct ClientConfiguration: Sendable {
  /// TCP connections the client spreads its calls over. One multiplexes any number of concurrent calls; a few help
  /// under heavy load.
  public var connections: Int
  /// How long one connection attempt may take.
  public var connectTimeout: Duration
  /// Waits between failed connection attempts: exponential, with jitter.
  public var reconnectBackoff: Backoff
  /// The deadline of calls whose options set none; nil: no deadline.
  public var defaultTimeout: Duration?
  /// The largest response frame accepted, announced in SETTINGS.
  public var maxFrameSize: Int
  /// Server-streamed messages buffered for a slow consumer past which the connection stops being read.
  public var maxBufferedResponses: Int
  /// Unsent request bytes past which client-streaming writers wait.
  public var maxPendingOutputBytes: Int
  /// The agent string announced in SETTINGS.
  public var agent: String
  /// The access token every call sends as metadata `authorization: Bearer <token>`, unless the call's own
  /// metadata has an `authorization` entry; nil: none (for servers run with `--auth off`).
  public var token: String?
  /// The clock the I/O loops time deadlines with; tests use a manual one.
  package var clock: LoopClock = .monotonic

  /// A configuration with defaults suited to a local server.
  public init(
    connections: Int = 1,
    connectTimeout: Duration = .seconds(5),
    reconnectBackoff: Backoff = Backoff(),
    defaultTimeout: Duration? = nil,
    maxFrameSize: Int = WireProtocol.defaultMaxFrameSize,
    maxBufferedResponses: Int = 256,
    maxPendingOutputBytes: Int = 1 << 20,
    agent: String = "pledgewire-swift/0.1",
    token: String? = nil
  ) {
    self.connections = max(1, connections)
    self.connectTimeout = connectTimeout
    self.reconnectBackoff = reconnectBackoff
    self.defaultTimeout = defaultTimeout
    self.maxFrameSize = maxFrameSize
    self.maxBufferedResponses = maxBufferedResponses
    self.maxPendingOutputBytes = maxPendingOutputBytes
    self.agent = agent
    self.token = token
  }

  /// What every connection's state machine runs with.
  func connectionConfiguration(target: String) -> ClientConnectionStateMachine.Configuration {
    ClientConnectionStateMachine.Configuration(
      core: ConnectionCore.Configuration(
        role: .client,
        settings: Settings(maxFrameSize: UInt32(maxFrameSize), maxMetadataSize: UInt32(WireProtocol.defaultMaxMetadataSize), agent: agent),
        maxPendingOutputBytes: maxPendingOutputBytes
      ),
      maxBufferedResponses: maxBufferedResponses,
      target: target
    )
  }
}
