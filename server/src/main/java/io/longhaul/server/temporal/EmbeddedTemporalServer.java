package io.longhaul.server.temporal;

import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * Temporal's Java test server in real-time mode, bound to one address (loopback by default) so
 * other JVMs and standard Temporal clients can connect. The test server's own port-bound factory
 * listens on every interface, which a default run must not do.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server server;
  private final Server inProcess;
  private final ManagedChannel inProcessChannel;

  public EmbeddedTemporalServer(String host, int port) {
    // lockTimeSkipping = true: real time. Unlocked, the test server jumps its clock whenever
    // every workflow is idle, and timers (and timeouts) fire at once.
    this.services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(host, port), InsecureServerCredentials.create());
    services.getServices().forEach(builder::addService);
    HealthStatusManager health = new HealthStatusManager();
    builder.addService(health.getHealthService());
    String inProcessName = "longhaul-temporal-" + UUID.randomUUID();
    InProcessServerBuilder local = InProcessServerBuilder.forName(inProcessName);
    services.getServices().forEach(local::addService);
    try {
      this.inProcess = local.build().start();
      this.server = builder.build().start();
      this.inProcessChannel = InProcessChannelBuilder.forName(inProcessName).build();
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "cannot bind the embedded Temporal server to "
              + host
              + ":"
              + port
              + " (another Temporal running? set LONGHAUL_TEMPORAL_EMBEDDED_PORT)",
          e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /**
   * A channel to the same server inside this JVM, for Longhaul's own client and workers: no TCP,
   * HTTP/2 framing or event loop between a worker and the server it polls (B1 in bench/ measures
   * the saving). Other processes use {@link #port()}.
   */
  public ManagedChannel inProcessChannel() {
    return inProcessChannel;
  }

  @Override
  public void close() {
    inProcessChannel.shutdownNow();
    inProcess.shutdownNow();
    server.shutdownNow();
    services.close();
  }
}
