/**
 * Canonical JSON text: the one byte form keagen writes, so that the same input always gives the
 * same bytes and every diff shows a real change.
 */
package org.keagen.json;
