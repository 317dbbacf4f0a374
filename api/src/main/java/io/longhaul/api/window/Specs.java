package io.longhaul.api.window;

import io.longhaul.contracts.window.FreezeSpec;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.WindowSpec;
import io.longhaul.db.window.Freeze;
import io.longhaul.db.window.MaintenanceWindow;
import java.time.LocalDate;
import java.util.List;

/** Stored windows and freezes as the data the calendar math evaluates, as workflows get them. */
public final class Specs {
  private Specs() {}

  public static WindowSpec of(MaintenanceWindow w) {
    return new WindowSpec(
        w.id(),
        w.name(),
        w.scopes().stream().map(Scope::parse).toList(),
        w.rrule(),
        w.cron(),
        w.durationMinutes(),
        w.zone(),
        w.anchor() == null ? null : w.anchor().toString(),
        w.exceptionDates().stream().map(LocalDate::toString).toList());
  }

  public static FreezeSpec of(Freeze f) {
    return new FreezeSpec(
        f.id(),
        f.name(),
        f.scopes().stream().map(Scope::parse).toList(),
        f.startsAt().toInstant().toEpochMilli(),
        f.endsAt() == null ? null : f.endsAt().toInstant().toEpochMilli(),
        f.reason());
  }

  public static List<String> texts(List<Scope> scopes) {
    return scopes.stream().map(Scope::toString).toList();
  }
}
