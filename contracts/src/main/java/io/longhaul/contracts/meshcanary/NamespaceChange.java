package io.longhaul.contracts.meshcanary;

/** See {@link MeshActivities}; namespaces are {@code <cluster>/<namespace>}. */
public record NamespaceChange(String idc, String namespace, String value, String key) {}
