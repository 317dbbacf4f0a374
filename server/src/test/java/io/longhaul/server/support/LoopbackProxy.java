package io.longhaul.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port, to take a server away from one application without touching
 * the server: {@link #cut()} closes the port and every connection through it (as a network
 * partition or a dead host would), {@link #restore()} listens on the same port again.
 */
public final class LoopbackProxy implements AutoCloseable {
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private ServerSocket server;

  public LoopbackProxy(int targetPort) {
    this.targetPort = targetPort;
    this.server = bind(0);
    this.port = server.getLocalPort();
    accept(server);
  }

  public int port() {
    return port;
  }

  public synchronized void cut() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    open.clear();
  }

  public synchronized void restore() {
    if (server.isClosed()) {
      server = bind(port);
      accept(server);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private static ServerSocket bind(int port) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void accept(ServerSocket listening) {
    Thread.ofVirtual()
        .name("proxy-" + port)
        .start(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                  open.add(client);
                  open.add(target);
                  pump(client, target);
                  pump(target, client);
                } catch (IOException e) {
                  // closed by cut(), or the target refused: the client sees its socket close
                }
              }
            });
  }

  private void pump(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // either side closed
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // closing anyway
                }
                open.remove(from);
                open.remove(to);
              }
            });
  }
}
