package io.longhaul.drivers;

import java.util.Objects;

/**
 * Why a device operation failed. Each failure names the device and the command (never a secret) and
 * says whether trying again can help, so activities map it to Temporal retry semantics once.
 */
public abstract sealed class DeviceException extends RuntimeException {

  private final String device;
  private final String command;

  DeviceException(String device, String command, String detail, Throwable cause) {
    super(message(device, command, detail), cause);
    this.device = Objects.requireNonNullElse(device, "?");
    this.command = Objects.requireNonNullElse(command, "");
  }

  private static String message(String device, String command, String detail) {
    var text = new StringBuilder().append(device == null ? "?" : device);
    if (command != null && !command.isEmpty()) {
      text.append(" [").append(Printable.escape(command, 200)).append(']');
    }
    return text.append(": ").append(detail).toString();
  }

  /** The device's inventory name. */
  public String device() {
    return device;
  }

  /** The command or operation that failed; empty when the failure precedes any command. */
  public String command() {
    return command;
  }

  /** Whether the same call may succeed later without anyone changing anything. */
  public abstract boolean retryable();

  /** The device could not be reached (refused, reset, dropped mid-command, no route). */
  public static final class Unreachable extends DeviceException {
    public Unreachable(String device, String command, String detail, Throwable cause) {
      super(device, command, "unreachable: " + detail, cause);
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }

  /** The device did not answer within the allowed time. */
  public static final class TimedOut extends DeviceException {
    public TimedOut(String device, String command, String detail, Throwable cause) {
      super(device, command, "timed out: " + detail, cause);
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }

  /** The caller's thread was interrupted (activity cancelled); the attempt was abandoned. */
  public static final class Cancelled extends DeviceException {
    public Cancelled(String device, String command, Throwable cause) {
      super(device, command, "cancelled", cause);
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }

  /** The device refused the credentials, or its host key is not the one we know. */
  public static final class AuthenticationFailed extends DeviceException {
    public AuthenticationFailed(String device, String detail, Throwable cause) {
      super(device, "", "authentication failed: " + detail, cause);
    }

    @Override
    public boolean retryable() {
      return false;
    }
  }

  /** The device rejected a command (syntax error, non-zero exit, refused resource). */
  public static final class CommandRejected extends DeviceException {
    private final String output;

    public CommandRejected(String device, String command, String output) {
      super(device, command, "rejected: " + Printable.lines(output.strip(), 600), null);
      this.output = output;
    }

    /** What the device said. */
    public String output() {
      return output;
    }

    @Override
    public boolean retryable() {
      return false;
    }
  }

  /** The device answered, but its state or output is not what the change should have produced. */
  public static final class VerificationFailed extends DeviceException {
    public VerificationFailed(String device, String command, String detail) {
      super(device, command, "verification failed: " + detail, null);
    }

    @Override
    public boolean retryable() {
      return false;
    }
  }

  /**
   * The device holds something of the same name that Longhaul did not create (a domain without this
   * change's ownership mark): it is left alone, and no retry changes that.
   */
  public static final class NotOwned extends DeviceException {
    public NotOwned(String device, String command, String detail) {
      super(device, command, "not ours: " + detail, null);
    }

    @Override
    public boolean retryable() {
      return false;
    }
  }

  /** A value failed validation before anything was sent to the device. */
  public static final class InvalidParameter extends DeviceException {
    private final String parameter;

    public InvalidParameter(String device, String parameter, String detail) {
      super(device, "", "invalid " + parameter + ": " + detail, null);
      this.parameter = parameter;
    }

    /** Which parameter was refused. */
    public String parameter() {
      return parameter;
    }

    @Override
    public boolean retryable() {
      return false;
    }
  }
}
