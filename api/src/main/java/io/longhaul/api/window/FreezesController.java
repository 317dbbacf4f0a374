package io.longhaul.api.window;

import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.window.Freeze;
import io.longhaul.db.window.FreezeRepository;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Freezes, and the "freeze now" switch. Switching it is an operator's call, like starting or
 * cancelling a run: in an emergency the person on call must be able to stop disruptive work at
 * once, without waiting for an approver; every switch is audited.
 */
@RestController
@RequestMapping("/api/v1/freezes")
public class FreezesController {
  private final FreezeService service;
  private final FreezeRepository freezes;

  public FreezesController(FreezeService service, FreezeRepository freezes) {
    this.service = service;
    this.freezes = freezes;
  }

  /** Freezes not over yet, or (all=true) the latest 200 including ended ones. */
  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<Freeze> list(@RequestParam(defaultValue = "false") boolean all) {
    return all ? freezes.list(200) : freezes.current();
  }

  @GetMapping("/{id}")
  @RequiresRole(Role.VIEWER)
  public Freeze get(@PathVariable long id) {
    return freezes.get(id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.OPERATOR)
  public Freeze create(@Valid @RequestBody FreezeRequest r, Authentication auth) {
    return service.create(r, CurrentUser.name(auth));
  }

  /** Lifts a freeze now; it stays on record with its end. */
  @DeleteMapping("/{id}")
  @RequiresRole(Role.OPERATOR)
  public Freeze lift(@PathVariable long id, Authentication auth) {
    return service.lift(id, CurrentUser.name(auth));
  }

  @PostMapping("/now")
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.OPERATOR)
  public Freeze freezeNow(@Valid @RequestBody FreezeNowRequest r, Authentication auth) {
    return service.freezeNow(r, CurrentUser.name(auth));
  }

  @DeleteMapping("/now")
  @RequiresRole(Role.OPERATOR)
  public List<Freeze> liftNow(@RequestParam(required = false) String scope, Authentication auth) {
    return service.liftNow(scope, CurrentUser.name(auth));
  }
}
