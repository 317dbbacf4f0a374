package io.longhaul.bench.core;

import java.util.List;

/** A named benchmark: its scenarios, each measuring Longhaul against a baseline. */
public interface Benchmark {

  /** Short name used on the command line and for the result files (b3-fleet-push). */
  String name();

  String title();

  /** The targets, in words, for the report's header. */
  String targets();

  /** Runs every scenario and returns them with the benchmark-wide notes. */
  List<Scenario> run(BenchConfig config, List<String> notes) throws Exception;
}
