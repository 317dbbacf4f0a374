package io.longhaul.server.lab;

import io.longhaul.api.error.BadRequestException;
import io.longhaul.lab.fault.Fault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * {@code POST /api/v1/lab/faults}: the lab admin API's body ({@code type} latency, drop,
 * auth-refused, hang, garbage, command-fails + {@code command}, down, link-flap + {@code interface}
 * [+ {@code periodMs}]).
 */
public record FaultRequest(
    @NotBlank @Size(max = 100) String target,
    @NotBlank String type,
    Long latencyMs,
    @Size(max = 200) String command,
    @Size(max = 100) String interfaceName,
    Long periodMs) {

  public Fault toFault() {
    return switch (type) {
      case "latency" -> new Fault.Latency(Duration.ofMillis(positive("latencyMs", latencyMs)));
      case "drop" -> new Fault.DropMidCommand();
      case "auth-refused" -> new Fault.AuthRefused();
      case "hang" -> new Fault.Hang();
      case "garbage" -> new Fault.Garbage();
      case "command-fails" -> new Fault.CommandFails(required("command", command));
      case "down" -> new Fault.Down();
      case "link-flap" ->
          periodMs == null
              ? new Fault.LinkFlap(required("interface", interfaceName))
              : new Fault.LinkFlap(
                  required("interface", interfaceName),
                  Duration.ofMillis(positive("periodMs", periodMs)));
      default ->
          throw new BadRequestException(
              "type",
              "is not a fault type (latency, drop, auth-refused, hang, garbage, command-fails,"
                  + " down, link-flap)");
    };
  }

  private static long positive(String field, Long value) {
    if (value == null || value < 0 || value > 600_000) {
      throw new BadRequestException(field, "must be between 0 and 600000");
    }
    return value;
  }

  private static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field, "is required for this fault type");
    }
    return value.strip();
  }
}
