package io.longhaul.contracts.hdfsmigration;

/** The hdfs-bu-migration operation's names; it is declared on {@link HdfsMigrationWorkflow}. */
public final class HdfsMigration {
  public static final String NAME = "hdfs-bu-migration";
  public static final String WORKFLOW_TYPE = "HdfsBuMigration";

  private HdfsMigration() {}
}
