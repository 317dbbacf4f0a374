package io.longhaul.contracts.meshcanary;

/** See {@link MeshActivities}; namespaces are {@code <cluster>/<namespace>}. */
public record RevisionRequest(String idc, String revision, String version) {}
