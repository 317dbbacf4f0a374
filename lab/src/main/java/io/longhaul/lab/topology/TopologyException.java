package io.longhaul.lab.topology;

/** A topology file that cannot be used; the message names the source and, when known, line:col. */
public class TopologyException extends RuntimeException {
  public TopologyException(String message) {
    super(message);
  }

  public TopologyException(String message, Throwable cause) {
    super(message, cause);
  }
}
