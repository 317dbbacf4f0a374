package io.longhaul.lab;

/** The secrets every device of a lab accepts. */
public record LabCredentials(
    String sshUsername,
    String sshPassword,
    String snmpCommunity,
    String snmpV3User,
    String snmpV3AuthPassword,
    String snmpV3PrivPassword,
    String httpToken) {

  @Override
  public String toString() {
    return "LabCredentials[sshUsername=" + sshUsername + ", secrets hidden]";
  }
}
