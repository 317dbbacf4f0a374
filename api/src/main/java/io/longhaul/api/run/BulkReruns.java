package io.longhaul.api.run;

import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.ConflictException;
import io.longhaul.api.error.FieldProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Re-runs a selection at a bounded rate: every run is checked first (all or nothing), each gets its
 * new run id at once, and the re-runs are released {@code perSecond} a second so a thousand retries
 * do not stampede the devices. The schedule lives in this API process: if it stops mid-batch, the
 * unreleased re-runs never start and can be asked for again (their originals are still
 * re-runnable).
 */
@Component
public class BulkReruns implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BulkReruns.class);

  private final RunService service;
  private final int defaultPerSecond;
  private final ScheduledExecutorService releaser =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("bulk-rerun").daemon().unstarted(r));

  public BulkReruns(
      RunService service, @Value("${longhaul.rerun.per-second:5}") int defaultPerSecond) {
    this.service = service;
    this.defaultPerSecond = defaultPerSecond;
  }

  /** One re-run of a batch: the original, the id its re-run will have, when it is released. */
  public record Planned(String original, String run, long releaseAfterMillis) {}

  public record Batch(int perSecond, List<Planned> runs) {}

  public Batch submit(BulkRerunRequest request, String requester) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(request.ids()));
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      try {
        service.checkRerunnable(ids.get(i));
      } catch (ConflictException | io.longhaul.db.NotFoundException e) {
        problems.add(new FieldProblem("ids[" + i + "]", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    int perSecond = request.perSecond() != null ? request.perSecond() : defaultPerSecond;
    long spacing = Duration.ofSeconds(1).toMillis() / perSecond;
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Planned p = new Planned(ids.get(i), UUID.randomUUID().toString(), i * spacing);
      planned.add(p);
      releaser.schedule(
          () -> release(p, request.reason(), requester),
          p.releaseAfterMillis(),
          TimeUnit.MILLISECONDS);
    }
    return new Batch(perSecond, planned);
  }

  private void release(Planned p, String reason, String requester) {
    try {
      service.rerun(p.original(), new RerunRequest(reason, null), requester, p.run());
    } catch (RuntimeException e) {
      log.warn("bulk re-run of {} as {} was not released", p.original(), p.run(), e);
    }
  }

  @Override
  public void close() {
    releaser.shutdownNow();
  }
}
