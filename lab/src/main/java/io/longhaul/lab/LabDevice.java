package io.longhaul.lab;

import java.net.InetSocketAddress;

/**
 * A device of a running lab and where to reach it: switches have ssh and snmp, hypervisors ssh,
 * clusters https (their dialect is the cluster kind); what a device lacks is null.
 */
public record LabDevice(
    String name,
    DeviceKind kind,
    String siteCode,
    String dialect,
    String role,
    InetSocketAddress ssh,
    InetSocketAddress snmp,
    InetSocketAddress https) {

  /** The base URL of a cluster's API, e.g. {@code https://127.77.0.23:41234}. */
  public String baseUrl() {
    if (https == null) {
      throw new IllegalStateException(name + " speaks no HTTP");
    }
    return "https://" + https.getAddress().getHostAddress() + ":" + https.getPort();
  }
}
