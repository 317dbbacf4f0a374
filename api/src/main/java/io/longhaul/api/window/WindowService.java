package io.longhaul.api.window;

import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.ConflictException;
import io.longhaul.contracts.window.InvalidCalendarException;
import io.longhaul.contracts.window.WindowCalendar;
import io.longhaul.db.schedule.ScheduleRepository;
import io.longhaul.db.window.MaintenanceWindow;
import io.longhaul.db.window.WindowRepository;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Window changes: validated before anything is written, audited, then signalled to live runs. */
@Service
public class WindowService {
  private final WindowRepository windows;
  private final ScheduleRepository schedules;
  private final AuditService audit;
  private final RunNotifier notifier;

  public WindowService(
      WindowRepository windows,
      ScheduleRepository schedules,
      AuditService audit,
      RunNotifier notifier) {
    this.windows = windows;
    this.schedules = schedules;
    this.audit = audit;
    this.notifier = notifier;
  }

  public MaintenanceWindow create(WindowRequest r, String actor) {
    MaintenanceWindow w = windows.create(draft(r), actor);
    audit.record(actor, "window.create", "window:" + w.id(), Map.of("name", w.name()));
    notifier.notify(w.scopes());
    return w;
  }

  public MaintenanceWindow replace(long id, WindowRequest r, String actor) {
    MaintenanceWindow before = windows.get(id);
    MaintenanceWindow w = windows.replace(id, draft(r));
    audit.record(actor, "window.update", "window:" + id, Map.of("name", w.name()));
    List<String> touched = new ArrayList<>(before.scopes());
    touched.addAll(w.scopes());
    notifier.notify(touched);
    return w;
  }

  public void delete(long id, String actor) {
    MaintenanceWindow w = windows.get(id);
    if (!schedules.usingWindow(id).isEmpty()) {
      throw new ConflictException(
          "id",
          "window "
              + w.name()
              + " is used by schedule "
              + schedules.usingWindow(id).getFirst().name());
    }
    windows.delete(id);
    audit.record(actor, "window.delete", "window:" + id, Map.of("name", w.name()));
    notifier.notify(w.scopes());
  }

  /** Validates everything; the calendar math names the field it cannot evaluate. */
  static MaintenanceWindow.Draft draft(WindowRequest r) {
    List<String> scopes = Scopes.parse("scopes", r.scopes());
    if (scopes.contains("global")) {
      throw new BadRequestException("scopes", "a window covers named scopes, not global");
    }
    try {
      WindowCalendar.of(
          r.rrule(), r.cron(), r.durationMinutes(), r.zone(), r.anchor(), r.exceptionDates());
    } catch (InvalidCalendarException e) {
      throw new BadRequestException(e.field(), e.problem());
    }
    return new MaintenanceWindow.Draft(
        r.name(),
        r.description(),
        scopes,
        blankToNull(r.rrule()),
        blankToNull(r.cron()),
        r.durationMinutes(),
        r.zone(),
        r.anchor() == null || r.anchor().isBlank() ? null : LocalDateTime.parse(r.anchor()),
        r.exceptionDates() == null
            ? List.of()
            : r.exceptionDates().stream().map(LocalDate::parse).toList());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
