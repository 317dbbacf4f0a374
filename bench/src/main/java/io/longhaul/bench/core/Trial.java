package io.longhaul.bench.core;

import java.util.Map;

/** One measurement of one variant: named figures such as {@code wall_ms} and {@code cpu_ms}. */
@FunctionalInterface
public interface Trial {
  Map<String, Double> run(int round) throws Exception;
}
