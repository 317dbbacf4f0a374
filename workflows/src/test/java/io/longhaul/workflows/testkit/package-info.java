/**
 * What every operation's workflow tests share, published as the workflows module's test jar:
 * journal fakes and the history replay harness.
 */
package io.longhaul.workflows.testkit;
