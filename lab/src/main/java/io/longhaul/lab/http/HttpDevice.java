package io.longhaul.lab.http;

/**
 * A simulated system's HTTP API (a mesh control plane, a desktop broker...). The frontend has
 * already authenticated the call and applied the device's faults; the device answers from its
 * state. Called concurrently.
 */
@FunctionalInterface
public interface HttpDevice {
  HttpAnswer handle(HttpCall call);
}
