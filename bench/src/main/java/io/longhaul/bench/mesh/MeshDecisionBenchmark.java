package io.longhaul.bench.mesh;

import io.longhaul.activities.meshcanary.MeshAnalysis;
import io.longhaul.bench.core.BenchConfig;
import io.longhaul.bench.core.Benchmark;
import io.longhaul.bench.core.Check;
import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.core.Scenario;
import io.longhaul.contracts.meshcanary.AnalysisReport;
import io.longhaul.contracts.meshcanary.AnalysisRequest;
import io.longhaul.contracts.meshcanary.AnalysisSpec;
import io.longhaul.drivers.ClusterKind;
import io.longhaul.drivers.ClusterTarget;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.capability.MeshKubernetes;
import io.longhaul.drivers.capability.MetricsQuery;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.http.HttpAuth;
import io.longhaul.drivers.transport.http.HttpOptions;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import io.longhaul.drivers.transport.ssh.SshOptions;
import io.longhaul.lab.mesh.IdcSpec;
import io.longhaul.lab.mesh.MeshFault;
import io.longhaul.lab.mesh.MeshIdc;
import io.longhaul.lab.mesh.MeshLab;
import io.longhaul.lab.mesh.PrometheusServer;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * B9. Decision latency: a canary cohort whose sidecars start answering 5xx (the fault starts when
 * its pods run the faulty revision) until the rollback is complete (namespaces relabelled and
 * restarted, pods back on stable, canary scaled to zero), with the default analysis (10 s intervals
 * of 1 s samples) against the real Prometheus at a 1 s scrape, as a ratio to the interval. It
 * follows the workflow's schedule (analyse at the end of each interval, roll back on the first
 * fail) with the activities' own code (MeshAnalysis, the fabric8 driver), without Temporal. Cost:
 * one analysis interval over 1,000 namespaces (500 canary, 500 baseline).
 */
public final class MeshDecisionBenchmark implements Benchmark {
  static final String STABLE = "1-24-2";
  static final String CANARY = "1-25-0";

  @Override
  public String name() {
    return "b9-mesh-decision";
  }

  @Override
  public String title() {
    return "B9 mesh canary: decision latency fault → rollback complete; cost of one analysis";
  }

  @Override
  public String targets() {
    return "decision latency ≤ 1.5 × the analysis interval; one analysis over 1,000 namespaces"
        + " in ≤ 8 PromQL queries and ≤ 2 s";
  }

  @Override
  public List<Scenario> run(BenchConfig config, List<String> notes) throws Exception {
    if (!PrometheusServer.available()) {
      notes.add("Skipped: Debian's prometheus is not installed.");
      return List.of();
    }
    int perRemote = config.smoke() ? 5 : 250;
    var scenarios = new ArrayList<Scenario>();
    try (Drivers drivers =
            Drivers.create(
                SshOptions.defaults(Files.createTempFile("kh", "")),
                SnmpOptions.defaults(),
                HttpOptions.defaults());
        MeshLab lab =
            MeshLab.start(
                List.of(
                    IdcSpec.small("b9a"),
                    new IdcSpec("b9k", 4, perRemote, 1, STABLE, "1.24.2", "prod-stable")),
                Files.createTempDirectory("b9"))) {
      AnalysisSpec d = AnalysisSpec.defaults();
      // Smoke mode checks the harness with 5 s intervals; the figures are the default's 10 s.
      AnalysisSpec spec =
          config.smoke()
              ? new AnalysisSpec(
                  5,
                  1,
                  d.alpha(),
                  d.tolerance(),
                  d.passScore(),
                  d.marginalScore(),
                  d.minSuccessRate(),
                  d.maxP99LatencyMs(),
                  d.maxConvergenceSeconds(),
                  d.maxRejectsPerSecond())
              : d;
      Thread.sleep(spec.intervalSeconds() * 1000L + 2000); // an interval of samples everywhere
      scenarios.add(cost(config, lab, drivers, spec));
      scenarios.add(decision(config, lab, drivers, spec));
    }
    notes.add(
        "The lab (Kubernetes APIs, their controllers, the metrics endpoints) and Prometheus run on"
            + " the same 2 cores as the measuring JVM.");
    notes.add(
        "Decision latency follows the workflow's schedule without Temporal: its own step overhead"
            + " (B1: tens of ms per step) adds a few hundred ms per rollback.");
    return scenarios;
  }

  static MetricsQuery prometheus(MeshLab lab, Drivers d, String idc) {
    return d.metrics(
        new ClusterTarget(idc + "-prometheus", ClusterKind.PROMETHEUS, lab.prometheus(idc), null),
        new HttpAuth.None(),
        Heartbeat.NONE);
  }

  static MeshKubernetes k8s(MeshIdc idc, Drivers d, String cluster) {
    return d.meshKubernetes(
        new ClusterTarget(cluster, ClusterKind.K8S, idc.clusters().get(cluster), null),
        new HttpAuth.None(),
        10_000);
  }

  private Scenario decision(BenchConfig config, MeshLab lab, Drivers drivers, AnalysisSpec spec) {
    MeshIdc idc = lab.idc("b9a");
    MetricsQuery prom = prometheus(lab, drivers, "b9a");
    String remote = idc.remoteNames().get(0);
    List<String> cohort = List.of(remote + "/shop-01", remote + "/shop-02");
    List<String> baseline = List.of(remote + "/shop-03", remote + "/shop-04");
    var s =
        new Scenario("5xx cohort, default analysis")
            .parameter("intervalSeconds", spec.intervalSeconds())
            .parameter("scrapeSeconds", 1)
            .variant(
                "longhaul",
                "analysis at each interval's end (8 PromQL range queries), rollback on the first fail",
                round -> {
                  try (MeshKubernetes primary = k8s(idc, drivers, idc.primaryName());
                      MeshKubernetes apps = k8s(idc, drivers, remote)) {
                    idc.clearFaults();
                    idc.inject(CANARY, MeshFault.ERRORS_5XX);
                    primary.applyIstiod(CANARY, "1.25.0", 1);
                    while (primary.istiodReady(CANARY) < 1) {
                      Thread.sleep(100);
                    }
                    for (String ns : cohort) {
                      apps.labelNamespace(ns.substring(ns.indexOf('/') + 1), CANARY);
                      apps.restartDeployments(
                          ns.substring(ns.indexOf('/') + 1), "b9-" + round + "-in");
                    }
                    awaitPods(apps, cohort, CANARY);
                    long t0 = System.nanoTime();
                    long cpu0 = Cpu.processNanos();
                    int intervals = 0;
                    AnalysisReport report;
                    do {
                      Thread.sleep(spec.intervalSeconds() * 1000L);
                      intervals++;
                      report =
                          MeshAnalysis.analyse(
                              prom,
                              new AnalysisRequest(
                                  "b9a", 1, intervals, cohort, baseline, CANARY, STABLE, spec),
                              Instant.now());
                    } while (!AnalysisReport.FAIL.equals(report.verdict()) && intervals < 6);
                    long decided = System.nanoTime();
                    for (String ns : cohort) {
                      apps.labelNamespace(ns.substring(ns.indexOf('/') + 1), "prod-stable");
                      apps.restartDeployments(
                          ns.substring(ns.indexOf('/') + 1), "b9-" + round + "-out");
                    }
                    awaitPods(apps, cohort, STABLE);
                    primary.applyIstiod(CANARY, "1.25.0", 0);
                    long done = System.nanoTime();
                    double ms = (done - t0) / 1e6;
                    return Map.of(
                        "wall_ms",
                        ms,
                        "cpu_ms",
                        (Cpu.processNanos() - cpu0) / 1e6,
                        "failures",
                        0.0,
                        "decision_latency_ms",
                        ms,
                        "ratio_to_interval",
                        ms / (spec.intervalSeconds() * 1000.0),
                        "detect_ms",
                        (decided - t0) / 1e6,
                        "rollback_ms",
                        (done - decided) / 1e6,
                        "intervals_to_fail",
                        (double) intervals,
                        "failed_verdict",
                        AnalysisReport.FAIL.equals(report.verdict()) ? 1.0 : 0.0);
                  }
                });
    s.check(Check.atMost("decision latency / interval", "longhaul", "ratio_to_interval", 1.5, "×"))
        .check(
            Check.atLeast(
                "the 5xx canary failed its analysis", "longhaul", "failed_verdict", 1, ""));
    s.run(config.warmups(), config.rounds(), config.log());
    return s;
  }

  private Scenario cost(BenchConfig config, MeshLab lab, Drivers drivers, AnalysisSpec spec) {
    MeshIdc idc = lab.idc("b9k");
    MetricsQuery prom = prometheus(lab, drivers, "b9k");
    List<String> all = new ArrayList<>(idc.namespaceLabels().keySet());
    List<String> canary = all.subList(0, all.size() / 2);
    List<String> baseline = all.subList(all.size() / 2, all.size());
    var s =
        new Scenario("one analysis over " + all.size() + " namespaces")
            .parameter("namespaces", all.size())
            .variant(
                "longhaul",
                "MeshAnalysis.analyse: 8 PromQL range queries over 10 s at 1 s steps, then the judge",
                round -> {
                  long t0 = System.nanoTime();
                  long cpu0 = Cpu.processNanos();
                  AnalysisReport r =
                      MeshAnalysis.analyse(
                          prom,
                          new AnalysisRequest(
                              "b9k", 1, round, canary, baseline, STABLE, STABLE, spec),
                          Instant.now());
                  return Map.of(
                      "wall_ms",
                      (System.nanoTime() - t0) / 1e6,
                      "cpu_ms",
                      (Cpu.processNanos() - cpu0) / 1e6,
                      "failures",
                      0.0,
                      "queries",
                      (double) r.queries(),
                      "passed",
                      AnalysisReport.PASS.equals(r.verdict()) ? 1.0 : 0.0);
                });
    s.check(Check.atMost("analysis wall time", "longhaul", "wall_ms", 2000, "ms"))
        .check(Check.atMost("PromQL queries per interval", "longhaul", "queries", 8, ""));
    s.run(config.warmups(), config.rounds(), config.log());
    return s;
  }

  private static void awaitPods(MeshKubernetes apps, List<String> namespaces, String revision)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    for (String ns : namespaces) {
      String n = ns.substring(ns.indexOf('/') + 1);
      while (!apps.podsByRevision(n).keySet().equals(java.util.Set.of(revision))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              ns + " pods " + apps.podsByRevision(n) + ", not all on " + revision);
        }
        Thread.sleep(100);
      }
    }
  }
}
