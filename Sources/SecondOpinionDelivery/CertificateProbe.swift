import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// Asks a TLS endpoint whether it refuses our client certificate.
///
/// With TLS 1.3 a server checks the client's certificate only after the
/// client has finished its side of the handshake, and by then an HTTP client
/// has already sent its request: the server's refusal then reaches us as an
/// alert or, as often, as a bare connection reset, which looks like any
/// network fault. The probe makes the verdict certain: it completes the
/// handshake, sends nothing, and waits. A server that accepted the
/// certificate waits too; one that refused it sends an alert or closes the
/// connection within the wait.
enum CertificateProbe {
  /// True when the endpoint refused the certificate (an alert or a close
  /// within `wait` of a clean handshake); false when it kept the connection
  /// open, or when the probe could not get as far as the handshake.
  static func refusesCertificate(host: String, port: Int, tls: TLSConfiguration, wait: TimeAmount) async -> Bool {
    guard let context = try? NIOSSLContext(configuration: tls) else { return false }
    let group = MultiThreadedEventLoopGroup.singleton
    let promise = group.next().makePromise(of: Bool.self)
    let bootstrap = ClientBootstrap(group: group)
      .connectTimeout(.seconds(10))
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let handler = try NIOSSLClientHandler(
            context: context, serverHostname: host.first?.isNumber == true ? nil : host)
          try channel.pipeline.syncOperations.addHandler(handler)
          try channel.pipeline.syncOperations.addHandler(Verdict(promise: promise, wait: wait))
        }
      }
    do {
      let channel = try await bootstrap.connect(host: host, port: port).get()
      let refused = try await promise.futureResult.get()
      try? await channel.close()
      return refused
    } catch {
      promise.succeed(false)
      return false
    }
  }

  /// Settles the promise once: refused on a TLS error or a close after the
  /// handshake, accepted when the wait passes quietly.
  private final class Verdict: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    let promise: EventLoopPromise<Bool>
    let wait: TimeAmount
    var handshakeDone = false
    var settled = false

    init(promise: EventLoopPromise<Bool>, wait: TimeAmount) {
      self.promise = promise
      self.wait = wait
    }

    func settle(_ refused: Bool, _ context: ChannelHandlerContext) {
      guard !settled else { return }
      settled = true
      promise.succeed(refused)
      context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
      if case .handshakeCompleted = event as? TLSUserEvent {
        handshakeDone = true
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: wait) {
          let (verdict, context) = loopBound.value
          verdict.settle(false, context)
        }
      }
      context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      // A server that speaks first (a session ticket is handled below us)
      // has accepted us.
      settle(false, context)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
      let text = String(describing: error)
      let cut = text.contains("uncleanShutdown") || text.contains("unexpectedEOF")
      settle(error is NIOSSLError && !cut || handshakeDone, context)
    }

    func channelInactive(context: ChannelHandlerContext) {
      settle(handshakeDone, context)
    }
  }
}
