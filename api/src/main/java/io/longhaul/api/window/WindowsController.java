package io.longhaul.api.window;

import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.contracts.window.FreezeSpec;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.Verdict;
import io.longhaul.contracts.window.WindowCalendar;
import io.longhaul.contracts.window.WindowRules;
import io.longhaul.contracts.window.WindowSpec;
import io.longhaul.db.window.FreezeRepository;
import io.longhaul.db.window.MaintenanceWindow;
import io.longhaul.db.window.WindowRepository;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Maintenance windows: reads for viewers, changes for operators, each audited. */
@RestController
@RequestMapping("/api/v1/windows")
public class WindowsController {
  private final WindowService service;
  private final WindowRepository windows;
  private final FreezeRepository freezes;

  public WindowsController(
      WindowService service, WindowRepository windows, FreezeRepository freezes) {
    this.service = service;
    this.windows = windows;
    this.freezes = freezes;
  }

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<MaintenanceWindow> list() {
    return windows.list();
  }

  @GetMapping("/{id}")
  @RequiresRole(Role.VIEWER)
  public MaintenanceWindow get(@PathVariable long id) {
    return windows.get(id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.OPERATOR)
  public MaintenanceWindow create(@Valid @RequestBody WindowRequest r, Authentication auth) {
    return service.create(r, CurrentUser.name(auth));
  }

  @PutMapping("/{id}")
  @RequiresRole(Role.OPERATOR)
  public MaintenanceWindow replace(
      @PathVariable long id, @Valid @RequestBody WindowRequest r, Authentication auth) {
    return service.replace(id, r, CurrentUser.name(auth));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.OPERATOR)
  public void delete(@PathVariable long id, Authentication auth) {
    service.delete(id, CurrentUser.name(auth));
  }

  /** What is open for a scope now, and what opens in the next {@code days} days. */
  @GetMapping("/open")
  @RequiresRole(Role.VIEWER)
  public OpenView open(@RequestParam String scope, @RequestParam(defaultValue = "7") int days) {
    if (days < 1 || days > 62) {
      throw new BadRequestException("days", "must be between 1 and 62");
    }
    Scope s;
    try {
      s = Scope.parse(scope);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("scope", e.getMessage());
    }
    Instant now = Instant.now();
    Instant end = now.plus(Duration.ofDays(days));
    List<WindowSpec> specs =
        windows.covering(List.of(s.toString())).stream().map(Specs::of).toList();
    List<FreezeSpec> frozen =
        freezes.current().stream().map(Specs::of).filter(f -> f.covers(List.of(s))).toList();
    List<OpenView.Opening> openings = new ArrayList<>();
    for (WindowSpec w : specs) {
      WindowCalendar.of(w).between(now, end).stream()
          .map(i -> new OpenView.Opening(w.name(), i.start(), i.end()))
          .forEach(openings::add);
    }
    openings.sort(Comparator.comparing(OpenView.Opening::start));
    Verdict v = WindowRules.evaluate(specs, frozen, List.of(s), now, Duration.ZERO);
    return new OpenView(
        s.toString(),
        now,
        v.open(),
        v.closesAt(),
        v.waitingFor(),
        v.opensAt(),
        openings,
        frozen.stream()
            .map(
                f ->
                    new OpenView.FreezeSpan(
                        f.name(),
                        Instant.ofEpochMilli(f.startsAtMillis()),
                        f.endsAtMillis() == null ? null : Instant.ofEpochMilli(f.endsAtMillis()),
                        f.reason()))
            .toList());
  }
}
