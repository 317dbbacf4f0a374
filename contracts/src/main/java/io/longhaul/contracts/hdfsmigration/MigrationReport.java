package io.longhaul.contracts.hdfsmigration;

import java.util.Map;

/**
 * How the migration ended: the BU, the bytes and blocks moved, the replicas each DC holds now, the
 * fsck.
 */
public record MigrationReport(
    String bu,
    String toDc,
    long bytes,
    long blocks,
    Map<String, Long> replicas,
    long misplacedBlocks,
    int pauses) {}
