package io.longhaul.api.inventory;

import io.longhaul.contracts.vocabulary.SiteCode;

/** Field formats shared by the request bodies; they match the database's check constraints. */
final class Patterns {
  static final String SITE_CODE = SiteCode.PATTERN;
  static final String DEVICE_NAME = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";
  static final String IP = "^[0-9a-fA-F:.]{2,45}$";
  static final String CIDR = "^[0-9a-fA-F:.]{2,45}/[0-9]{1,3}$";
  static final String NIC = "^[A-Za-z0-9._/-]{1,32}$";
  static final String INTERFACE = "^[A-Za-z][A-Za-z0-9/.-]{0,63}$";
  static final String LABEL = "^[a-z0-9][a-z0-9._-]{0,62}$";
  static final String CLUSTER_KIND = "hdfs|mesh|vdi|k8s|prometheus";

  /** An API root: http(s), a host name or address, an optional port and path; nothing else. */
  static final String BASE_URL =
      "^https?://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$";

  private Patterns() {}
}
