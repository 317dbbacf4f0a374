package io.longhaul.workflows.meshcanary;

import io.longhaul.contracts.meshcanary.AnalysisReport;
import io.longhaul.contracts.meshcanary.AnalysisRequest;
import io.longhaul.contracts.meshcanary.CountRequest;
import io.longhaul.contracts.meshcanary.IdcRequest;
import io.longhaul.contracts.meshcanary.IdcState;
import io.longhaul.contracts.meshcanary.MeshActivities;
import io.longhaul.contracts.meshcanary.NamespaceChange;
import io.longhaul.contracts.meshcanary.RevisionCounts;
import io.longhaul.contracts.meshcanary.RevisionRequest;
import io.longhaul.contracts.meshcanary.RevisionStatus;
import io.longhaul.contracts.meshcanary.TagRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An IDC's mesh in memory, keeping the state the workflow changes: namespace labels, pods that
 * follow their namespace's label (through the tag) when restarted, istiod revisions, the tag. The
 * analysis is the seam: its verdict is the one the injected fault earns in the real judge (its
 * known-answer tests and the end-to-end test with Prometheus cover that); everything else is state
 * the assertions read back.
 */
final class MeshFake implements MeshActivities {
  enum Fault {
    NONE,
    ERRORS_5XX,
    SLOWER,
    SLOW_PUSH,
    REJECTS,
    READY_BEFORE_DRAINED,
    REMOTE_DOWN
  }

  static final String TAG = "prod-stable";
  final String stable;
  volatile Fault fault = Fault.NONE;
  final Map<String, String> labels = new ConcurrentHashMap<>();
  final Map<String, String> podRevision = new ConcurrentHashMap<>();
  final Map<String, Integer> istiods = new ConcurrentHashMap<>();
  final Map<String, String> tags = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  private int statusPolls;

  MeshFake(String stable, int namespaces) {
    this.stable = stable;
    for (int i = 1; i <= namespaces; i++) {
      String ns = "r" + (i % 2 + 1) + "/shop-%02d".formatted(i);
      labels.put(ns, TAG);
      podRevision.put(ns, stable);
    }
    istiods.put(stable, 1);
    tags.put(TAG, stable);
  }

  private String resolve(String label) {
    return tags.getOrDefault(label, label);
  }

  @Override
  public IdcState describe(IdcRequest r) {
    calls.add("describe");
    List<String> down = fault == Fault.REMOTE_DOWN ? List.of("r2") : List.of();
    return new IdcState(
        r.idc(),
        "primary",
        List.of("r1", "r2"),
        "prom",
        down,
        new ArrayList<>(new TreeMap<>(labels).keySet()),
        new TreeMap<>(labels));
  }

  @Override
  public void installRevision(RevisionRequest r) {
    calls.add("install " + r.revision());
    istiods.put(r.revision(), 1);
  }

  @Override
  public void scaleDownRevision(RevisionRequest r) {
    calls.add("scale-down " + r.revision());
    istiods.computeIfPresent(r.revision(), (k, v) -> 0);
  }

  @Override
  public void retireRevision(RevisionRequest r) {
    calls.add("retire " + r.revision());
    istiods.remove(r.revision());
  }

  @Override
  public synchronized RevisionStatus revisionStatus(RevisionRequest r) {
    statusPolls++;
    boolean early = fault == Fault.READY_BEFORE_DRAINED;
    long queued = early && statusPolls < 4 ? 120 : 0;
    calls.add("status queued=" + queued);
    return new RevisionStatus(r.revision(), true, queued, fault == Fault.SLOW_PUSH ? 18.0 : 0.2);
  }

  @Override
  public void relabel(NamespaceChange c) {
    calls.add("relabel " + c.namespace() + " " + c.value());
    labels.put(c.namespace(), c.value());
  }

  @Override
  public void restart(NamespaceChange c) {
    calls.add("restart " + c.namespace());
    podRevision.put(c.namespace(), resolve(labels.get(c.namespace())));
  }

  @Override
  public RevisionCounts counts(CountRequest r) {
    Map<String, Integer> pods = new TreeMap<>();
    Map<String, Integer> nss = new TreeMap<>();
    podRevision.forEach(
        (ns, rev) -> {
          if (r.namespaces().isEmpty() || r.namespaces().contains(ns)) {
            pods.merge(rev, 2, Integer::sum);
            nss.merge(resolve(labels.get(ns)), 1, Integer::sum);
          }
        });
    return new RevisionCounts(pods, nss);
  }

  @Override
  public void moveTag(TagRequest t) {
    calls.add("tag " + t.revision());
    tags.put(t.tag(), t.revision());
  }

  @Override
  public AnalysisReport analyse(AnalysisRequest r) {
    calls.add(
        "analyse "
            + r.cohort()
            + "#"
            + r.interval()
            + " canary="
            + r.canary().size()
            + " baseline="
            + r.baseline().size());
    String verdict =
        switch (fault) {
          case ERRORS_5XX, REJECTS -> AnalysisReport.FAIL;
          case SLOWER -> AnalysisReport.MARGINAL;
          default -> AnalysisReport.PASS;
        };
    String reason =
        switch (fault) {
          case ERRORS_5XX -> "hard threshold breached: success-rate 0.75 against threshold 0.99";
          case REJECTS -> "hard threshold breached: xds-rejects-per-s 2 against threshold 0";
          case SLOWER -> "p99-latency-ms high (184 vs 92, p=0.0002)";
          default -> "every metric within its baseline";
        };
    double score =
        verdict.equals(AnalysisReport.PASS)
            ? 100
            : verdict.equals(AnalysisReport.MARGINAL) ? 75 : 50;
    return new AnalysisReport(r.cohort(), r.interval(), 0, List.of(), score, verdict, reason, 8);
  }
}
