package io.longhaul.lab.mesh;

/**
 * What the lab knows of one istiod revision between reconciles: how many replicas it should run,
 * how many events its push queue still holds and whether it reports ready.
 */
public record IstiodState(String revision, int replicas, int queued, boolean ready) {}
