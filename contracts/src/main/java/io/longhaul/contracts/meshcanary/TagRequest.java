package io.longhaul.contracts.meshcanary;

/** See {@link MeshActivities}; namespaces are {@code <cluster>/<namespace>}. */
public record TagRequest(String idc, String tag, String revision) {}
