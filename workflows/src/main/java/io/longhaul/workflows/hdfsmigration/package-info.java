/** The HDFS BU migration between DCs, on the platform's step library. */
package io.longhaul.workflows.hdfsmigration;
