package io.longhaul.api.schedule;

import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.schedule.Schedule;
import io.longhaul.db.schedule.ScheduleRepository;
import jakarta.validation.Valid;
import java.time.Instant;
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

/** Schedules: reads for viewers; changes, pause, resume and trigger-now for operators. */
@RestController
@RequestMapping("/api/v1/schedules")
public class SchedulesController {
  private final ScheduleService service;
  private final ScheduleRepository schedules;

  public SchedulesController(ScheduleService service, ScheduleRepository schedules) {
    this.service = service;
    this.schedules = schedules;
  }

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<Schedule> list() {
    return schedules.list();
  }

  @GetMapping("/{id}")
  @RequiresRole(Role.VIEWER)
  public ScheduleView get(@PathVariable long id) {
    Schedule s = schedules.get(id);
    return new ScheduleView(s, service.nextFireTimes(s, 5), schedules.events(id, 50));
  }

  @GetMapping("/{id}/next")
  @RequiresRole(Role.VIEWER)
  public List<Instant> next(@PathVariable long id, @RequestParam(defaultValue = "10") int count) {
    return service.nextFireTimes(schedules.get(id), Math.max(1, Math.min(count, 100)));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.OPERATOR)
  public Schedule create(@Valid @RequestBody ScheduleRequest r, Authentication auth) {
    return service.create(r, CurrentUser.name(auth));
  }

  @PutMapping("/{id}")
  @RequiresRole(Role.OPERATOR)
  public Schedule replace(
      @PathVariable long id, @Valid @RequestBody ScheduleRequest r, Authentication auth) {
    return service.replace(id, r, CurrentUser.name(auth));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.OPERATOR)
  public void delete(@PathVariable long id, Authentication auth) {
    service.delete(id, CurrentUser.name(auth));
  }

  @PostMapping("/{id}/pause")
  @RequiresRole(Role.OPERATOR)
  public Schedule pause(@PathVariable long id, Authentication auth) {
    return service.pause(id, true, CurrentUser.name(auth));
  }

  @PostMapping("/{id}/resume")
  @RequiresRole(Role.OPERATOR)
  public Schedule resume(@PathVariable long id, Authentication auth) {
    return service.pause(id, false, CurrentUser.name(auth));
  }

  @PostMapping("/{id}/trigger")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresRole(Role.OPERATOR)
  public void trigger(@PathVariable long id, Authentication auth) {
    service.triggerNow(id, CurrentUser.name(auth));
  }
}
