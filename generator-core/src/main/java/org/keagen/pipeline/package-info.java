/**
 * The whole pass from snapshot to Kea config text: resolve, then render, validate and write each
 * subnet and reservation in turn. {@link org.keagen.pipeline.Generator} is the library entry point
 * the CLI and tests call.
 */
package org.keagen.pipeline;
