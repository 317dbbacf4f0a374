package io.longhaul.activities.spawn;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.spawn.LeafBinding;
import io.longhaul.contracts.spawn.LeafPlan;
import io.longhaul.contracts.spawn.OverlayPlanRequest;
import io.longhaul.contracts.spawn.OverlayPush;
import io.longhaul.contracts.spawn.PushResult;
import io.longhaul.contracts.spawn.SwitchActivities;
import io.longhaul.contracts.spawn.VerifyRequest;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SwitchDriver;
import io.longhaul.drivers.capability.Binding;
import io.longhaul.drivers.capability.ChangeResult;
import io.longhaul.drivers.capability.InterfaceStatus;
import io.longhaul.drivers.dialect.OverlayPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A leaf's overlay through the driver's transactional {@code OverlayBinding}: one configuration
 * session for the applies of a push and one for its removes (none when the switch is already
 * there). VLANs are never dropped: they belong to the site's networks, which outlive instances.
 */
@Component
public class SwitchOverlayActivitiesImpl implements SwitchActivities {
  private final DeviceAccess devices;

  public SwitchOverlayActivitiesImpl(DeviceAccess devices) {
    this.devices = devices;
  }

  @Override
  public PushResult pushOverlay(OverlayPush push) {
    return call(
        push.switchName(),
        sw -> {
          List<String> commands = new ArrayList<>();
          boolean changed = false;
          if (!push.apply().isEmpty()) {
            ChangeResult r = sw.overlay().apply(push.changeId() + "-a", bindings(push.apply()));
            changed |= r.changed();
            commands.addAll(r.commands());
          }
          if (!push.remove().isEmpty()) {
            ChangeResult r =
                sw.overlay().remove(push.changeId() + "-r", bindings(push.remove()), false);
            changed |= r.changed();
            commands.addAll(r.commands());
          }
          return new PushResult(push.switchName(), push.changeId(), changed, commands.size());
        });
  }

  @Override
  public LeafPlan planOverlay(OverlayPlanRequest request) {
    return call(
        request.switchName(),
        sw ->
            new LeafPlan(
                request.switchName(),
                sw.target().dialect().name().toLowerCase(Locale.ROOT),
                OverlayPlan.apply(
                    request.switchName(),
                    sw.target().dialect(),
                    sw.vlans().read(),
                    bindings(request.bindings()))));
  }

  @Override
  public void verifyOverlay(VerifyRequest request) {
    call(
        request.switchName(),
        sw -> {
          Map<String, InterfaceStatus> byName =
              sw.interfaces().interfaces().stream()
                  .collect(Collectors.toMap(InterfaceStatus::name, i -> i, (a, b) -> a));
          SortedSet<String> carrying = sw.vlanPorts().vlanPorts().get(request.vlan());
          Set<String> vlanPorts = carrying == null ? Set.of() : carrying;
          for (String name : request.interfaces()) {
            InterfaceStatus i = byName.get(name);
            if (i == null || !i.operUp()) {
              throw new DeviceException.VerificationFailed(
                  request.switchName(), "snmp ifOperStatus", name + " is not up");
            }
            if (!vlanPorts.contains(name)) {
              throw new DeviceException.VerificationFailed(
                  request.switchName(),
                  "snmp dot1qVlanStaticEgressPorts",
                  name + " does not carry VLAN " + request.vlan());
            }
          }
          return null;
        });
  }

  private static List<Binding> bindings(List<LeafBinding> leafBindings) {
    return leafBindings.stream()
        .map(b -> new Binding(b.interfaceName(), b.vlan(), b.vni()))
        .distinct()
        .toList();
  }

  private <T> T call(String switchName, Function<SwitchDriver, T> body) {
    SwitchDriver sw = devices.switchDriver(switchName);
    try {
      return body.apply(sw);
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }
}
