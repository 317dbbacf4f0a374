package io.longhaul.lab;

import java.net.InetSocketAddress;

/** A device of a running lab and where to reach it; dialect and snmp are null for hypervisors. */
public record LabDevice(
    String name,
    DeviceKind kind,
    String siteCode,
    String dialect,
    String role,
    InetSocketAddress ssh,
    InetSocketAddress snmp) {}
