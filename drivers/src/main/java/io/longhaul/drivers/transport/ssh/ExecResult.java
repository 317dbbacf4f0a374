package io.longhaul.drivers.transport.ssh;

/** What a single exec command returned. */
public record ExecResult(String command, int exitStatus, String stdout, String stderr) {
  public boolean ok() {
    return exitStatus == 0;
  }
}
