/** The mesh control-plane canary: per IDC install, cohorts, analysis, promote or roll back. */
package io.longhaul.workflows.meshcanary;
