package io.longhaul.lab;

import java.nio.file.Path;

/**
 * How to start a lab. Null secrets mean "generate a random one at start". Use {@link #defaults()}
 * and the withers.
 *
 * @param addressPrefix first two octets of the per-device loopback addresses ({@code 127.77} gives
 *     {@code 127.77.<site*8 + i/250>.<i%250+1>}); null binds every device to 127.0.0.1
 * @param sshPort SSH port on each device address (0 = ephemeral)
 * @param snmpPort SNMP UDP port on each device address (0 = ephemeral)
 * @param stateDir where host-key seed, known_hosts and the devices' configurations live, kept
 *     across restarts (null: a temp dir, random seed, devices start from the topology each time)
 * @param seed host-key seed (null: from stateDir, else random)
 * @param adminPort admin HTTP port (0 = ephemeral, -1 = no admin API)
 * @param maxSessionsPerDevice concurrent SSH connections per device; more are closed at once
 */
public record LabOptions(
    String addressPrefix,
    int sshPort,
    int snmpPort,
    Path stateDir,
    String seed,
    int adminPort,
    String sshUsername,
    String sshPassword,
    String snmpCommunity,
    String snmpV3AuthPassword,
    String snmpV3PrivPassword,
    int maxSessionsPerDevice) {

  public static LabOptions defaults() {
    return new LabOptions("127.77", 0, 0, null, null, 0, "longhaul", null, null, null, null, 8);
  }

  public LabOptions withAddressPrefix(String v) {
    return new LabOptions(
        v,
        sshPort,
        snmpPort,
        stateDir,
        seed,
        adminPort,
        sshUsername,
        sshPassword,
        snmpCommunity,
        snmpV3AuthPassword,
        snmpV3PrivPassword,
        maxSessionsPerDevice);
  }

  public LabOptions withPorts(int ssh, int snmp) {
    return new LabOptions(
        addressPrefix,
        ssh,
        snmp,
        stateDir,
        seed,
        adminPort,
        sshUsername,
        sshPassword,
        snmpCommunity,
        snmpV3AuthPassword,
        snmpV3PrivPassword,
        maxSessionsPerDevice);
  }

  public LabOptions withStateDir(Path v) {
    return new LabOptions(
        addressPrefix,
        sshPort,
        snmpPort,
        v,
        seed,
        adminPort,
        sshUsername,
        sshPassword,
        snmpCommunity,
        snmpV3AuthPassword,
        snmpV3PrivPassword,
        maxSessionsPerDevice);
  }

  public LabOptions withSeed(String v) {
    return new LabOptions(
        addressPrefix,
        sshPort,
        snmpPort,
        stateDir,
        v,
        adminPort,
        sshUsername,
        sshPassword,
        snmpCommunity,
        snmpV3AuthPassword,
        snmpV3PrivPassword,
        maxSessionsPerDevice);
  }

  public LabOptions withAdminPort(int v) {
    return new LabOptions(
        addressPrefix,
        sshPort,
        snmpPort,
        stateDir,
        seed,
        v,
        sshUsername,
        sshPassword,
        snmpCommunity,
        snmpV3AuthPassword,
        snmpV3PrivPassword,
        maxSessionsPerDevice);
  }

  public LabOptions withSshCredentials(String user, String password) {
    return new LabOptions(
        addressPrefix,
        sshPort,
        snmpPort,
        stateDir,
        seed,
        adminPort,
        user,
        password,
        snmpCommunity,
        snmpV3AuthPassword,
        snmpV3PrivPassword,
        maxSessionsPerDevice);
  }

  public LabOptions withSnmpSecrets(String community, String authPassword, String privPassword) {
    return new LabOptions(
        addressPrefix,
        sshPort,
        snmpPort,
        stateDir,
        seed,
        adminPort,
        sshUsername,
        sshPassword,
        community,
        authPassword,
        privPassword,
        maxSessionsPerDevice);
  }

  public LabOptions withMaxSessionsPerDevice(int v) {
    return new LabOptions(
        addressPrefix,
        sshPort,
        snmpPort,
        stateDir,
        seed,
        adminPort,
        sshUsername,
        sshPassword,
        snmpCommunity,
        snmpV3AuthPassword,
        snmpV3PrivPassword,
        v);
  }
}
