package io.longhaul.drivers.transport.ssh;

/** Work done inside one CLI session. */
@FunctionalInterface
public interface CliWork<T> {
  T run(CliSession cli);
}
