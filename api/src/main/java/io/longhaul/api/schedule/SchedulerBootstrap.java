package io.longhaul.api.schedule;

import io.longhaul.db.schedule.ScheduleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** At server start, makes sure every schedule's scheduler runs (a no-op for running ones). */
@Component
public class SchedulerBootstrap {
  private static final Logger log = LoggerFactory.getLogger(SchedulerBootstrap.class);

  private final ScheduleRepository schedules;
  private final ScheduleService service;

  public SchedulerBootstrap(ScheduleRepository schedules, ScheduleService service) {
    this.schedules = schedules;
    this.service = service;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void startSchedulers() {
    for (var s : schedules.list()) {
      try {
        service.ensureRunning(s.id());
      } catch (RuntimeException e) {
        log.warn("could not start the scheduler of schedule {}", s.name(), e);
      }
    }
  }
}
