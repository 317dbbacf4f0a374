/** Arista EOS: prompt-driven CLI with configuration sessions (diff, commit, abort). */
package io.longhaul.drivers.dialect.eos;
