package io.longhaul.bench.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A {@link LabProcess} started as a child JVM, and the devices it serves. */
public final class RemoteLab implements AutoCloseable {

  /** A device of the lab; {@code snmpPort} is -1 for hypervisors. */
  public record Device(
      String name, String dialect, String role, String host, int sshPort, int snmpPort) {
    public boolean isLeaf() {
      return role.equals("leaf");
    }
  }

  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final List<Device> devices = new ArrayList<>();
  private String user;
  private String password;
  private String community;
  private Path knownHosts;

  private RemoteLab(Process process) {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Starts a generated topology (see TopologyGenerator) with the given SSH session limit. */
  public static RemoteLab start(
      int sites, int leavesPerSite, int hypervisorsPerSite, String dialect, int maxSessions)
      throws IOException {
    var cmd = new ArrayList<String>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx1g");
    if (Runtime.version().feature() >= 24) {
      cmd.add("--enable-native-access=ALL-UNNAMED");
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LabProcess.class.getName()));
    cmd.addAll(
        List.of(
            "--sites", String.valueOf(sites),
            "--leaves", String.valueOf(leavesPerSite),
            "--hypervisors", String.valueOf(hypervisorsPerSite),
            "--max-sessions", String.valueOf(maxSessions)));
    if (dialect != null) {
      cmd.addAll(List.of("--dialect", dialect));
    }
    var process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    var lab = new RemoteLab(process);
    lab.readHeader();
    return lab;
  }

  private void readHeader() throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      String[] f = line.split(" ");
      switch (f[0]) {
        case "credentials" -> {
          user = f[1];
          password = f[2];
          community = f[3];
        }
        case "known_hosts" -> knownHosts = Path.of(f[1]);
        case "device" ->
            devices.add(
                new Device(
                    f[1],
                    f[2],
                    f[3],
                    f[4],
                    Integer.parseInt(f[5]),
                    f[6].equals("-") ? -1 : Integer.parseInt(f[6])));
        case "ready" -> {
          return;
        }
        default -> {
          // anything else the lab prints is not part of the protocol
        }
      }
    }
    throw new IOException("the lab process ended before it was ready");
  }

  private synchronized String ask(String command) {
    in.println(command);
    try {
      String answer = out.readLine();
      if (answer == null || answer.startsWith("error")) {
        throw new IllegalStateException("lab: " + command + " -> " + answer);
      }
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException("lab: " + command, e);
    }
  }

  /** Injects (ms > 0) or clears a latency fault on a device, site or group such as "switches". */
  public void latency(String target, long ms) {
    ask("latency " + target + " " + ms);
  }

  public String runningConfig(String device) {
    String answer = ask("config " + device);
    return new String(
        Base64.getDecoder().decode(answer.substring("config ".length())), StandardCharsets.UTF_8);
  }

  /** Null when every VLAN exists and is trunked on every interface; else what is missing. */
  public String missing(String device, List<String> interfaces, List<Integer> vlans) {
    String answer =
        ask(
            "check "
                + device
                + " "
                + String.join(",", interfaces)
                + " "
                + String.join(",", vlans.stream().map(String::valueOf).toList()));
    return answer.equals("ok") ? null : answer;
  }

  public List<Device> devices() {
    return devices;
  }

  public List<Device> switches() {
    return devices.stream().filter(d -> d.snmpPort() >= 0).toList();
  }

  public List<Device> leaves() {
    return devices.stream().filter(Device::isLeaf).toList();
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String community() {
    return community;
  }

  public Path knownHosts() {
    return knownHosts;
  }

  @Override
  public void close() {
    in.println("quit");
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
