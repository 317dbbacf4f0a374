package io.longhaul.lab.ssh;

import io.longhaul.lab.device.HypervisorState;
import io.longhaul.lab.device.SwitchState;
import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.fault.FaultController;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.shell.ShellFactory;

/**
 * One MINA SSHD server (one IO pool) listening on every device's address. The local address a
 * connection arrived on picks the device: its host key, its CLI, its session limit and its faults.
 */
public final class SshFrontend implements AutoCloseable {

  /** A device the frontend serves: exactly one of switchState / hypervisorState is set. */
  public record Target(
      String name, KeyPair hostKey, SwitchState switchState, HypervisorState hypervisorState) {}

  private static final class Server extends SshServer {
    void bindMore(SocketAddress address) throws IOException {
      acceptor.bind(address);
    }

    java.util.Set<SocketAddress> bound() {
      return acceptor.getBoundAddresses();
    }
  }

  private final Server server =
      (Server) org.apache.sshd.server.ServerBuilder.builder().factory(Server::new).build();
  private final Map<InetSocketAddress, Target> byAddress = new ConcurrentHashMap<>();
  private final Map<String, InetSocketAddress> addressOf = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> sessionCounts = new ConcurrentHashMap<>();
  private final Map<String, List<ServerSession>> sessions = new ConcurrentHashMap<>();
  private final FaultController faults;
  private final int maxSessions;
  private final java.util.Set<PublicKey> authorizedKeys = ConcurrentHashMap.newKeySet();

  /** Lets the lab's user log in with this key (on every device), as authorized_keys does. */
  public void authorize(PublicKey key) {
    authorizedKeys.add(key);
  }

  /**
   * Gives the device a new host key from the next connection on, as re-keying a real device does;
   * clients holding the old key in known_hosts are refused until they trust the new one.
   */
  public void replaceHostKey(String name, KeyPair key) {
    InetSocketAddress address = addressOf.get(name);
    if (address == null) {
      throw new IllegalArgumentException("no SSH device named '" + name + "'");
    }
    byAddress.computeIfPresent(
        address, (a, t) -> new Target(t.name(), key, t.switchState(), t.hypervisorState()));
  }

  public SshFrontend(
      String username, String password, FaultController faults, int maxSessionsPerDevice) {
    this.faults = faults;
    this.maxSessions = maxSessionsPerDevice;
    server.setKeyPairProvider(
        new KeyPairProvider() {
          @Override
          public Iterable<KeyPair> loadKeys(SessionContext session) {
            Target t = session == null ? null : target(session);
            return t == null ? List.of() : List.of(t.hostKey());
          }
        });
    server.setPasswordAuthenticator(
        (user, pass, session) -> {
          Target t = target(session);
          return t != null
              && !faults.has(t.name(), Fault.AuthRefused.class)
              && username.equals(user)
              && password.equals(pass);
        });
    // As OpenSSH's authorized_keys: the lab's user logs in with any key authorized on the lab.
    server.setPublickeyAuthenticator(
        (user, key, session) -> {
          Target t = target(session);
          return t != null
              && !faults.has(t.name(), Fault.AuthRefused.class)
              && username.equals(user)
              && authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
        });
    server.setKeyboardInteractiveAuthenticator(null);
    CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ofMinutes(30));
    // Answers go out at once, as from OpenSSH (TCP_NODELAY on interactive sessions) and network
    // gear. With Nagle's algorithm, an answer written right after another waited for the client's
    // delayed ACK (~40 ms on Linux): every block of typed-ahead lines, and every exec's output
    // followed by its exit status, paid it.
    CoreModuleProperties.TCP_NODELAY.set(server, true);
    CoreModuleProperties.AUTH_TIMEOUT.set(server, Duration.ofSeconds(30));
    server.setShellFactory(
        (ShellFactory)
            channel -> {
              Target t = target(channel.getServerSession());
              return t.switchState() != null
                  ? new SwitchShellCommand(t.switchState(), faults)
                  : new HypervisorShellCommand(t.hypervisorState(), faults);
            });
    server.setCommandFactory(
        (channel, command) -> {
          Target t = target(channel.getServerSession());
          return t.switchState() != null
              ? new SwitchExecCommand(t.switchState(), faults, command)
              : new HypervisorExecCommand(t.hypervisorState(), faults, command);
        });
    server.addSessionListener(
        new SessionListener() {
          @Override
          public void sessionCreated(Session session) {
            Target t = target(session);
            if (t == null || faults.has(t.name(), Fault.Down.class)) {
              session.close(true);
              return;
            }
            int n =
                sessionCounts.computeIfAbsent(t.name(), k -> new AtomicInteger()).incrementAndGet();
            session.setAttribute(COUNTED, Boolean.TRUE);
            sessions
                .computeIfAbsent(t.name(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add((ServerSession) session);
            if (n > maxSessions) {
              session.close(true);
            }
          }

          @Override
          public void sessionClosed(Session session) {
            if (session.getAttribute(COUNTED) == null) {
              return;
            }
            Target t = target(session);
            if (t != null) {
              sessionCounts.get(t.name()).decrementAndGet();
              List<ServerSession> l = sessions.get(t.name());
              if (l != null) {
                l.remove(session);
              }
            }
          }
        });
    faults.onInject(
        (target, fault) -> {
          if (fault instanceof Fault.Down) {
            sessions.forEach(
                (name, list) -> {
                  if (faults.has(name, Fault.Down.class)) {
                    new ArrayList<>(list).forEach(s -> s.close(true));
                  }
                });
          }
        });
  }

  private static final Session.AttributeKey<Boolean> COUNTED = new Session.AttributeKey<>();

  private Target target(SessionContext session) {
    if (!(session instanceof Session s) || s.getIoSession() == null) {
      return null;
    }
    SocketAddress local = s.getIoSession().getLocalAddress();
    if (!(local instanceof InetSocketAddress isa)) {
      return null;
    }
    return byAddress.get(new InetSocketAddress(isa.getAddress(), isa.getPort()));
  }

  /**
   * Binds every target on its host with the given port (0 = ephemeral); returns the bound
   * addresses.
   */
  public Map<String, InetSocketAddress> start(Map<Target, String> hosts, int port)
      throws IOException {
    boolean first = true;
    Map<String, InetSocketAddress> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<Target, String> e : hosts.entrySet()) {
      InetSocketAddress bound;
      if (first) {
        server.setHost(e.getValue());
        server.setPort(port);
        server.start();
        bound = new InetSocketAddress(e.getValue(), server.getPort());
        first = false;
      } else {
        java.util.Set<SocketAddress> before = new java.util.HashSet<>(server.bound());
        server.bindMore(new InetSocketAddress(e.getValue(), port));
        java.util.Set<SocketAddress> after = new java.util.HashSet<>(server.bound());
        after.removeAll(before);
        bound = (InetSocketAddress) after.iterator().next();
      }
      byAddress.put(bound, e.getKey());
      addressOf.put(e.getKey().name(), bound);
      out.put(e.getKey().name(), bound);
    }
    return out;
  }

  /** Concurrent SSH connections to a device right now. */
  public int sessionCount(String device) {
    AtomicInteger n = sessionCounts.get(device);
    return n == null ? 0 : n.get();
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
