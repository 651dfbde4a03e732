import PledgewireTransport
import PledgewireWire
/// Everything a server's behaviour depends on. Immutable once the server starts.
public struct ServerConfiguration: Sendable {
  /// The address to listen on.
  public var host: String
  /// The port to listen on; 0 picks a free one (see ``RPCServer/port``).
  public var port: Int
  /// Connections beyond this get GOAWAY `RESOURCE_EXHAUSTED` and are closed.
  public var maxConnections: Int
  /// Streams a connection may have open at once; more are refused with `UNAVAILABLE`.
  public var maxConcurrentStreams: Int
  /// The largest frame payload accepted, announced in SETTINGS.
  public var maxFrameSize: Int
  /// The largest request metadata accepted, announced in SETTINGS.
  public var maxMetadataSize: Int
  /// A connection without open calls for this long is closed with GOAWAY `NO_ERROR`; nil: never.
  public var idleTimeout: Duration?
  /// How long in-flight calls may run after a graceful shutdown begins.
  public var shutdownGrace: Duration
  /// A new connection must send its preface and SETTINGS within this.
  public var handshakeTimeout: Duration
  /// A frame that has started arriving must finish arriving within this (slowloris protection).
  public var frameTimeout: Duration
  /// Send a PING on a connection silent for this long; nil: no keepalive pings.
  public var keepaliveInterval: Duration?
  /// Close a connection whose keepalive PING is unanswered for this long.
  public var keepaliveTimeout: Duration
  /// Unsent output past which a connection stops being read and streaming writers wait.
  public var maxPendingOutputBytes: Int
  /// Client-streamed messages buffered for a handler past which the connection stops being read.
  public var maxBufferedRequestMessages: Int
  /// Request bytes one connection's calls may hold (requests waiting for their END_STREAM, client-streamed
  /// messages not yet taken): a request held open past it ends `RESOURCE_EXHAUSTED`; client-streamed messages
  /// past it stop the reading until the handlers take them.
  public var maxBufferedRequestBytes: Int
  /// Request bytes all connections together may hold: a request held open past it ends `RESOURCE_EXHAUSTED`
  /// (`SERVER_REQUEST_DATA_FULL`); client-streamed messages past it stop the reading of the connections holding
  /// some until their handlers take them.
  public var maxTotalBufferedRequestBytes: Int
  /// A call whose client sends nothing on it for this long while the server waits for its request ends with
  /// `DEADLINE_EXCEEDED`, whatever its deadline; nil: never.
  public var requestStallTimeout: Duration?
  /// Unsent output past which a unary response is not queued (its call ends `RESOURCE_EXHAUSTED`): what a
  /// client that does not read can make the server hold.
  public var maxQueuedOutputBytes: Int
  /// Expensive calls (see ``Router/expensive(_:)``) the server runs at once; more are refused with
  /// `RESOURCE_EXHAUSTED`.
  public var maxConcurrentWork: Int
  /// Expensive calls one connection may have running at once; more are refused with `RESOURCE_EXHAUSTED`.
  public var maxConcurrentWorkPerConnection: Int
  /// Serial I/O queues; 0: one per processor.
  public var ioLoops: Int
  /// The agent string announced in SETTINGS.
  public var agent: String
  /// The clock the I/O loops time everything with; tests use a manual one.
  package var clock: LoopClock = .monotonic

  /// A configuration; every limit defaults to the protocol's default.
  public init(
    host: String = "127.0.0.1",
    port: Int = 7979,
    maxConnections: Int = 16_384,
    maxConcurrentStreams: Int = WireProtocol.defaultMaxConcurrentStreams,
    maxFrameSize: Int = WireProtocol.defaultMaxFrameSize,
    maxMetadataSize: Int = WireProtocol.defaultMaxMetadataSize,
    idleTimeout: Duration? = .seconds(300),
    shutdownGrace: Duration = .seconds(10),
    handshakeTimeout: Duration = .seconds(10),
    frameTimeout: Duration = .seconds(10),
    keepaliveInterval: Duration? = nil,
    keepaliveTimeout: Duration = .seconds(20),
    maxPendingOutputBytes: Int = 1 << 20,
    maxBufferedRequestMessages: Int = 256,
    maxBufferedRequestBytes: Int = 16 << 20,
    maxTotalBufferedRequestBytes: Int = 256 << 20,
    requestStallTimeout: Duration? = .seconds(30),
    maxQueuedOutputBytes: Int = 8 << 20,
    maxConcurrentWork: Int = 64,
    maxConcurrentWorkPerConnection: Int = 32,
    ioLoops: Int = 0,
    agent: String = "pledgewire-server/0.1"
  ) {
    self.host = host
    self.port = port
    self.maxConnections = maxConnections
    self.maxConcurrentStreams = maxConcurrentStreams
    self.maxFrameSize = maxFrameSize
    self.maxMetadataSize = maxMetadataSize
    self.idleTimeout = idleTimeout
    self.shutdownGrace = shutdownGrace
    self.handshakeTimeout = handshakeTimeout
    self.frameTimeout = frameTimeout
    self.keepaliveInterval = keepaliveInterval
    self.keepaliveTimeout = keepaliveTimeout
    self.maxPendingOutputBytes = maxPendingOutputBytes
    self.maxBufferedRequestMessages = maxBufferedRequestMessages
    self.maxBufferedRequestBytes = maxBufferedRequestBytes
    self.maxTotalBufferedRequestBytes = maxTotalBufferedRequestBytes
    self.requestStallTimeout = requestStallTimeout
    self.maxQueuedOutputBytes = maxQueuedOutputBytes
    self.maxConcurrentWork = maxConcurrentWork
    self.maxConcurrentWorkPerConnection = maxConcurrentWorkPerConnection
    self.ioLoops = ioLoops
    self.agent = agent
  }

  /// What every connection's state machine runs with.
  var connectionConfiguration: ServerConnectionStateMachine.Configuration {
    ServerConnectionStateMachine.Configuration(
      core: ConnectionCore.Configuration(
        role: .server,
        settings: settings,
        handshakeTimeout: handshakeTimeout.nanoseconds,
        frameTimeout: frameTimeout.nanoseconds,
        keepaliveInterval: keepaliveInterval?.nanoseconds,
        keepaliveTimeout: keepaliveTimeout.nanoseconds,
        maxPendingOutputBytes: maxPendingOutputBytes,
        pingBurst: 50
      ),
      maxConcurrentStreams: maxConcurrentStreams,
      maxMetadataSize: maxMetadataSize,
      maxBufferedRequestMessages: maxBufferedRequestMessages,
      maxBufferedRequestBytes: maxBufferedRequestBytes,
      requestStallTimeout: requestStallTimeout?.nanoseconds,
      maxQueuedOutputBytes: maxQueuedOutputBytes,
      idleTimeout: idleTimeout?.nanoseconds
    )
  }

  /// The SETTINGS frame the server sends.
  var settings: Settings {
    Settings(
      maxFrameSize: UInt32(maxFrameSize),
      maxMetadataSize: UInt32(maxMetadataSize),
      maxConcurrentStreams: UInt32(maxConcurrentStreams),
      idleTimeoutMs: UInt32(idleTimeout.map { $0.nanoseconds / 1_000_000 } ?? 0),
      agent: agent
    )
  }
}
