/**
 * The HDFS BU migration's own controls: its progress in its terms, the cap, the soak's early end.
 */
package io.longhaul.api.hdfsmigration;
