/** The HDFS BU migration between data centers: its workflow, its activities and their records. */
package io.longhaul.contracts.hdfsmigration;
