package io.longhaul.contracts.meshcanary;

/** See {@link MeshActivities}; namespaces are {@code <cluster>/<namespace>}. */
public record CountRequest(String idc, java.util.List<String> namespaces) {}
