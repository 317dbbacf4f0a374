package io.longhaul.drivers.capability;

/** What {@code virsh dominfo} says about a guest. */
public record DomainInfo(
    String name, String state, int vcpus, long maxMemoryKiB, boolean persistent) {
  public boolean running() {
    return state.equals("running");
  }
}
