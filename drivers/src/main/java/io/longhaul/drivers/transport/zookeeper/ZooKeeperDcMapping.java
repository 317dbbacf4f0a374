package io.longhaul.drivers.transport.zookeeper;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.DcMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The user→DC mapping in ZooKeeper, written with the ZooKeeper client: {@code
 * /ctrip/dc-mapping/users/<user>} and {@code .../queues/<queue>} hold a DC. One session per
 * instance; a lost connection or an expired session is {@code Unreachable} (retryable: the retry
 * opens a new session), a refused write {@code CommandRejected}.
 */
public final class ZooKeeperDcMapping implements DcMapping {
  public static final String ROOT = "/ctrip/dc-mapping";
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,63}");
  private static final Pattern DC = Pattern.compile("[BC]");

  private final String device;
  private final ZooKeeper zk;

  public ZooKeeperDcMapping(String device, String connectString, int sessionTimeoutMs) {
    this.device = device;
    CountDownLatch connected = new CountDownLatch(1);
    try {
      zk =
          new ZooKeeper(
              connectString,
              sessionTimeoutMs,
              e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                  connected.countDown();
                }
              });
      if (!connected.await(sessionTimeoutMs, TimeUnit.MILLISECONDS)) {
        zk.close();
        throw new DeviceException.Unreachable(
            device, "zookeeper connect", "no session within " + sessionTimeoutMs + " ms", null);
      }
    } catch (IOException e) {
      throw new DeviceException.Unreachable(device, "zookeeper connect", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeviceException.Cancelled(device, "zookeeper connect", e);
    }
  }

  @Override
  public Map<String, String> users(Iterable<String> users) {
    return read("users", users);
  }

  @Override
  public Map<String, String> queues(Iterable<String> queues) {
    return read("queues", queues);
  }

  @Override
  public void assignUser(String user, String dc) {
    write("users", user, dc);
  }

  @Override
  public void assignQueue(String queue, String dc) {
    write("queues", queue, dc);
  }

  private Map<String, String> read(String kind, Iterable<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String n : names) {
      String path = ROOT + "/" + kind + "/" + name(n);
      try {
        out.put(n, new String(zk.getData(path, false, null), StandardCharsets.UTF_8));
      } catch (KeeperException.NoNodeException e) {
        out.put(n, null);
      } catch (KeeperException e) {
        throw failed("get " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeviceException.Cancelled(device, "get " + path, e);
      }
    }
    return out;
  }

  private void write(String kind, String n, String dc) {
    if (dc == null || !DC.matcher(dc).matches()) {
      throw new DeviceException.InvalidParameter(device, "dc", "not a DC: " + dc);
    }
    String path = ROOT + "/" + kind + "/" + name(n);
    byte[] data = dc.getBytes(StandardCharsets.UTF_8);
    try {
      try {
        zk.setData(path, data, -1);
      } catch (KeeperException.NoNodeException e) {
        create(ROOT + "/" + kind);
        try {
          zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException raced) {
          zk.setData(path, data, -1);
        }
      }
    } catch (KeeperException e) {
      throw failed("set " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeviceException.Cancelled(device, "set " + path, e);
    }
  }

  private void create(String parent) throws KeeperException, InterruptedException {
    StringBuilder p = new StringBuilder();
    for (String part : parent.substring(1).split("/")) {
      p.append('/').append(part);
      try {
        zk.create(p.toString(), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      } catch (KeeperException.NodeExistsException e) {
        // there already
      }
    }
  }

  private String name(String n) {
    if (n == null || !NAME.matcher(n).matches()) {
      throw new DeviceException.InvalidParameter(device, "name", "not a user or queue name: " + n);
    }
    return n;
  }

  private DeviceException failed(String command, KeeperException e) {
    return switch (e.code()) {
      case CONNECTIONLOSS, SESSIONEXPIRED, SESSIONMOVED, OPERATIONTIMEOUT ->
          new DeviceException.Unreachable(device, command, "zookeeper: " + e.code(), e);
      default -> new DeviceException.CommandRejected(device, command, "zookeeper: " + e.code());
    };
  }

  @Override
  public void close() {
    try {
      zk.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
