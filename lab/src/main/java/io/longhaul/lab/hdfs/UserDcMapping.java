package io.longhaul.lab.hdfs;

/** Where each user's (and queue's) jobs and default placement go: Ctrip's user→DC mapping. */
public interface UserDcMapping {
  /** The DC mapped for a user, or {@code fallback} when none is. */
  String dcOf(String user, String fallback);

  /** The DC mapped for a YARN queue, or {@code fallback}. */
  String queueDc(String queue, String fallback);

  /** Where clients reach the mapping ({@code host:port} of the ZooKeeper ensemble). */
  String connectString();
}
