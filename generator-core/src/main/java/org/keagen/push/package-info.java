/**
 * Pushing a rendered config to a running kea-dhcp4 over its control channel (a unix socket, or
 * HTTP through Kea 2.x's Control Agent or Kea 3.0's own HTTP socket, with basic auth and verified
 * TLS): read the running config, refuse a config that would drop the control socket or hooks the
 * server uses, then {@code config-test}, {@code config-set}, {@code config-write} and a {@code
 * config-get} compared with what was sent after normalising what Kea rewrites. A failure after
 * {@code config-set} puts the previous config back; HA peers are pushed in order and the first
 * failure stops the rest. Secrets never appear in messages.
 */
package org.keagen.push;
