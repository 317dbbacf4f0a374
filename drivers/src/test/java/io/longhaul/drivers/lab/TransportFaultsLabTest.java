package io.longhaul.drivers.lab;

import static io.longhaul.drivers.lab.LabSupport.lab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.transport.ssh.JschTransport;
import io.longhaul.drivers.transport.ssh.SshEndpoint;
import io.longhaul.drivers.transport.ssh.SshOptions;
import io.longhaul.lab.fault.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SSH transport against lab faults")
class TransportFaultsLabTest {
  private static final String HV = "sha-hv10";
  private static JschTransport ssh;

  @BeforeAll
  static void start() {
    ssh = new JschTransport(LabSupport.sshOptions());
  }

  @AfterAll
  static void stop() {
    ssh.close();
  }

  @AfterEach
  void clear() {
    lab().faults().clearAll();
  }

  private static SshEndpoint endpoint(String name, SshLogin login) {
    var d = lab().device(name);
    return new SshEndpoint(name, d.ssh().getHostString(), d.ssh().getPort(), login);
  }

  private static SshEndpoint hv() {
    return endpoint(HV, LabSupport.login());
  }

  @Nested
  @DisplayName("exec")
  class Exec {
    @Test
    @DisplayName("returns stdout and the exit status, and feeds stdin")
    void exec() {
      var result = ssh.exec(hv(), "hostname");
      assertThat(result.exitStatus()).isZero();
      assertThat(result.stdout().strip()).isEqualTo(HV);
      var failing = ssh.exec(hv(), "virsh dominfo no-such-domain");
      assertThat(failing.exitStatus()).isEqualTo(1);
      assertThat(failing.stderr()).contains("failed to get domain");
    }

    @Test
    @DisplayName("reuses sessions: many commands, few SSH connections")
    void reuse() {
      for (int i = 0; i < 20; i++) {
        assertThat(ssh.exec(hv(), "true").ok()).isTrue();
      }
      assertThat(lab().sshSessionCount(HV)).isLessThanOrEqualTo(1);
    }

    @Test
    @DisplayName("bounds concurrent sessions per device and still runs every command")
    void bounded() throws Exception {
      var options = LabSupport.sshOptions().withMaxSessionsPerDevice(2);
      try (var bounded = new JschTransport(options)) {
        var ok = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 16; i++) {
          threads.add(
              Thread.ofVirtual()
                  .start(
                      () -> {
                        if (bounded.exec(endpoint("sha-hv15", LabSupport.login()), "true").ok()) {
                          ok.incrementAndGet();
                        }
                      }));
        }
        for (Thread t : threads) {
          t.join();
        }
        assertThat(ok).hasValue(16);
        assertThat(lab().sshSessionCount("sha-hv15")).isLessThanOrEqualTo(2);
      }
    }

    @Test
    @DisplayName("calls the heartbeat while a slow command runs")
    void heartbeat() {
      lab().faults().inject(HV, new Fault.Latency(Duration.ofMillis(700)));
      var options =
          new SshOptions(
              lab().knownHostsFile(),
              Duration.ofSeconds(3),
              Duration.ofSeconds(3),
              2,
              false,
              SshOptions.DEFAULT_KEX,
              Duration.ofMillis(100));
      var beats = new AtomicInteger();
      try (var slow = new JschTransport(options)) {
        slow.exec(hv(), "true", null, progress -> beats.incrementAndGet());
      }
      assertThat(beats.get()).isPositive();
    }
  }

  @Nested
  @DisplayName("faults map to typed failures")
  class Faults {
    @Test
    @DisplayName("latency within the timeout still works")
    void latency() {
      lab().faults().inject(HV, new Fault.Latency(Duration.ofMillis(300)));
      assertThat(ssh.exec(hv(), "hostname").stdout().strip()).isEqualTo(HV);
    }

    @Test
    @DisplayName("a hang is a retryable timeout")
    void hang() {
      lab().faults().inject(HV, new Fault.Hang());
      assertThatThrownBy(() -> ssh.exec(hv(), "hostname"))
          .isInstanceOfSatisfying(
              DeviceException.TimedOut.class,
              e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.command()).isEqualTo("hostname");
              });
    }

    @Test
    @DisplayName("a device that is down is unreachable (retryable)")
    void down() {
      lab().faults().inject("sha-hv11", new Fault.Down());
      assertThatThrownBy(() -> ssh.exec(endpoint("sha-hv11", LabSupport.login()), "hostname"))
          .isInstanceOfSatisfying(
              DeviceException.Unreachable.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    @DisplayName(
        "refused credentials are a non-retryable authentication failure without the secret")
    void authRefused() {
      lab().faults().inject("sha-hv12", new Fault.AuthRefused());
      assertThatThrownBy(() -> ssh.exec(endpoint("sha-hv12", LabSupport.login()), "hostname"))
          .isInstanceOfSatisfying(
              DeviceException.AuthenticationFailed.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).doesNotContain(lab().credentials().sshPassword());
              });
    }

    @Test
    @DisplayName("a wrong password is an authentication failure")
    void wrongPassword() {
      var login = SshLogin.password(lab().credentials().sshUsername(), "not-the-password");
      assertThatThrownBy(() -> ssh.exec(endpoint("sha-hv13", login), "hostname"))
          .isInstanceOf(DeviceException.AuthenticationFailed.class)
          .hasMessageNotContaining("not-the-password");
    }

    @Test
    @DisplayName("a command failure on a hypervisor is exit status 1")
    void commandFails() {
      lab().faults().inject(HV, new Fault.CommandFails("virsh list"));
      assertThat(ssh.exec(hv(), "virsh list --all").exitStatus()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("host keys")
  class HostKeys {
    @Test
    @DisplayName("a host whose key differs from known_hosts is refused")
    void wrongKey(@TempDir Path dir) throws IOException {
      var d = lab().device(HV);
      var other = lab().device("sha-hv14");
      String otherKey =
          Files.readAllLines(lab().knownHostsFile()).stream()
              .filter(l -> l.startsWith("[" + other.ssh().getHostString() + "]:"))
              .findFirst()
              .orElseThrow();
      // The right host and port, but another device's key.
      String forged =
          "["
              + d.ssh().getHostString()
              + "]:"
              + d.ssh().getPort()
              + otherKey.substring(otherKey.indexOf(' '));
      Path knownHosts = dir.resolve("known_hosts");
      Files.writeString(knownHosts, forged + "\n");
      int commandsBefore = lab().hypervisorState(HV).commandLog().size();
      try (var strict = new JschTransport(SshOptions.defaults(knownHosts))) {
        assertThatThrownBy(() -> strict.exec(hv(), "hostname"))
            .isInstanceOfSatisfying(
                DeviceException.AuthenticationFailed.class,
                e -> assertThat(e.retryable()).isFalse());
      }
      assertThat(lab().hypervisorState(HV).commandLog()).hasSize(commandsBefore);
    }

    @Test
    @DisplayName("a host missing from known_hosts is refused, never added")
    void unknownHost(@TempDir Path dir) throws IOException {
      Path knownHosts = dir.resolve("known_hosts");
      Files.writeString(knownHosts, "");
      try (var strict = new JschTransport(SshOptions.defaults(knownHosts))) {
        assertThatThrownBy(() -> strict.exec(hv(), "hostname"))
            .isInstanceOf(DeviceException.AuthenticationFailed.class);
      }
      assertThat(Files.readString(knownHosts)).isEmpty();
    }
  }
}
