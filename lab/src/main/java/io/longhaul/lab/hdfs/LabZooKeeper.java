package io.longhaul.lab.hdfs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.ServerCnxn;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A real ZooKeeper server (Apache ZooKeeper's, in process, on loopback) holding the user→DC mapping
 * the NameNode and the RM proxy share: {@code /ctrip/dc-mapping/users/<user>} and {@code
 * /ctrip/dc-mapping/queues/<queue>}, each holding a DC ({@code B} or {@code C}). Longhaul writes it
 * with the ZooKeeper client; the lab reads its own server's tree.
 */
public final class LabZooKeeper implements UserDcMapping, AutoCloseable {
  public static final String USERS = "/ctrip/dc-mapping/users";
  public static final String QUEUES = "/ctrip/dc-mapping/queues";

  private final ZooKeeperServer server;
  private final ServerCnxnFactory factory;
  private final Path dir;

  public LabZooKeeper() {
    try {
      System.setProperty("zookeeper.admin.enableServer", "false");
      dir = Files.createTempDirectory("lab-zk");
      File d = dir.toFile();
      server = new ZooKeeperServer(d, d, 2000);
      factory = ServerCnxnFactory.createFactory(new InetSocketAddress("127.0.0.1", 0), 200);
      factory.startup(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the lab's ZooKeeper", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted starting ZooKeeper", e);
    }
  }

  @Override
  public String connectString() {
    return "127.0.0.1:" + factory.getLocalPort();
  }

  @Override
  public String dcOf(String user, String fallback) {
    return read(USERS + "/" + user, fallback);
  }

  @Override
  public String queueDc(String queue, String fallback) {
    return read(QUEUES + "/" + queue, fallback);
  }

  private String read(String path, String fallback) {
    try {
      byte[] data = server.getZKDatabase().getData(path, new Stat(), null);
      String dc = data == null ? "" : new String(data, StandardCharsets.UTF_8).trim();
      return dc.equals("B") || dc.equals("C") ? dc : fallback;
    } catch (KeeperException.NoNodeException e) {
      return fallback;
    }
  }

  /** The fault: every client's session is expired, as a long GC pause or a partition does. */
  public void expireSessions() {
    for (ServerCnxn cnxn : factory.getConnections()) {
      server.expire(cnxn.getSessionId());
    }
  }

  @Override
  public void close() {
    factory.shutdown();
    server.shutdown();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
