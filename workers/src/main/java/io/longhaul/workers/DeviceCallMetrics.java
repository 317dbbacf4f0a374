package io.longhaul.workers;

import io.longhaul.contracts.TaskQueues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times every activity a site's worker runs against that site's devices: {@code
 * longhaul.device.calls} by site (the queue's, so bounded by the inventory's sites), kind (the
 * activity interface: switch, hypervisor, ...), capability (the activity type) and outcome ({@code
 * ok}, {@code cancelled} or the typed failure's type). IPAM allocations, wherever they run, count
 * as {@code longhaul.ipam.allocations} by outcome; {@code Contended} and {@code NetworkExhausted}
 * are its conflicts. Outermost of the worker's interceptors, so it sees the failure types operators
 * see. No device, run or instance name becomes a label.
 */
final class DeviceCallMetrics extends WorkerInterceptorBase {
  private static final String IPAM = "ipam";

  private final MeterRegistry registry;
  // activity type → kind, from the @ActivityInterface of every registered implementation
  private final Map<String, String> kinds;

  DeviceCallMetrics(MeterRegistry registry, List<WorkerRegistration> registrations) {
    this.registry = registry;
    this.kinds = kinds(registrations);
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        String site = TaskQueues.siteOf(info.getActivityTaskQueue());
        String kind = kinds.getOrDefault(info.getActivityType(), "other");
        if (site == null && !kind.equals(IPAM)) {
          return super.execute(input);
        }
        long start = System.nanoTime();
        String outcome = "ok";
        try {
          return super.execute(input);
        } catch (ApplicationFailure e) {
          outcome = e.getType();
          throw e;
        } catch (CanceledFailure | ActivityCompletionException e) {
          outcome = "cancelled";
          throw e;
        } catch (RuntimeException e) {
          outcome = "InternalError";
          throw e;
        } finally {
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          if (kind.equals(IPAM)) {
            registry
                .counter(
                    "longhaul.ipam.allocations",
                    "activity",
                    info.getActivityType(),
                    "outcome",
                    outcome)
                .increment();
          }
          if (site != null) {
            Timer.builder("longhaul.device.calls")
                .description(
                    "Activities against a site's devices, by site, kind, capability and outcome")
                .tags("site", site, "kind", kind, "capability", info.getActivityType())
                .tag("outcome", outcome)
                .register(registry)
                .record(took);
          }
        }
      }
    };
  }

  private static Map<String, String> kinds(List<WorkerRegistration> registrations) {
    Map<String, String> out = new HashMap<>();
    for (WorkerRegistration r : registrations) {
      for (Object impl : r.activities()) {
        for (Class<?> i : impl.getClass().getInterfaces()) {
          if (!i.isAnnotationPresent(ActivityInterface.class)) {
            continue;
          }
          String kind = kind(i.getSimpleName());
          String prefix = i.getAnnotation(ActivityInterface.class).namePrefix();
          for (Method m : i.getMethods()) {
            ActivityMethod am = m.getAnnotation(ActivityMethod.class);
            String name =
                am != null && !am.name().isEmpty()
                    ? am.name()
                    : prefix
                        + Character.toUpperCase(m.getName().charAt(0))
                        + m.getName().substring(1);
            out.put(name, kind);
          }
        }
      }
    }
    return out;
  }

  /** SwitchOverlayActivities → switch-overlay. */
  static String kind(String interfaceName) {
    String base = interfaceName.replaceFirst("Activities$", "");
    return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
