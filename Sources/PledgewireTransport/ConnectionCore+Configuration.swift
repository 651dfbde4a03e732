import PledgewireWire

extension ConnectionCore {
  /// Limits and timeouts, in bytes and nanoseconds.
  package struct Configuration: Sendable {
    /// Which end decodes.
    package var role: FrameDecoder.Role
    /// What this side announces; its `maxFrameSize` also bounds what it accepts.
    package var settings: Settings
    /// The peer's preface and SETTINGS must arrive within this; nil: no limit.
    package var handshakeTimeout: UInt64?
    /// A frame that started arriving must finish within this, while the connection is read; nil: no limit.
    package var frameTimeout: UInt64?
    /// PING the peer after this much silence; nil: never.
    package var keepaliveInterval: UInt64?
    /// Fail the connection when a keepalive PING is unanswered for this long.
    package var keepaliveTimeout: UInt64
    /// Unsent output past which reading pauses and streaming writers wait, until it falls to half.
    package var maxPendingOutputBytes: Int
    /// PINGs the peer may send in a burst, refilled at as many per second; nil: no limit.
    package var pingBurst: Int?
    /// How long a closing connection waits for the peer to close after its last bytes went.
    package var lingerTimeout: UInt64 = 1_000_000_000
    /// How long a closing connection may take in all, its last bytes unsent or not.
    package var closingTimeout: UInt64 = 3_000_000_000

    package init(
      role: FrameDecoder.Role, settings: Settings, handshakeTimeout: UInt64? = nil, frameTimeout: UInt64? = nil,
      keepaliveInterval: UInt64? = nil, keepaliveTimeout: UInt64 = 20_000_000_000, maxPendingOutputBytes: Int = 1 << 20,
      pingBurst: Int? = nil
    ) {
      self.role = role
      self.settings = settings
      self.handshakeTimeout = handshakeTimeout
      self.frameTimeout = frameTimeout
      self.keepaliveInterval = keepaliveInterval
      self.keepaliveTimeout = keepaliveTimeout
      self.maxPendingOutputBytes = maxPendingOutputBytes
      self.pingBurst = pingBurst
    }
  }
}
