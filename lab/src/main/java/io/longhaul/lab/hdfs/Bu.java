package io.longhaul.lab.hdfs;

import java.util.List;

/**
 * A business unit of the cluster: its directories (Hive databases, user homes), the public tables
 * it shares, its users and YARN queues, and how fast its jobs read its data.
 */
public record Bu(
    String name,
    List<String> paths,
    List<String> publicPaths,
    List<String> users,
    List<String> queues,
    long readBytesPerSec) {
  public Bu {
    paths = List.copyOf(paths);
    publicPaths = List.copyOf(publicPaths);
    users = List.copyOf(users);
    queues = List.copyOf(queues);
  }
}
