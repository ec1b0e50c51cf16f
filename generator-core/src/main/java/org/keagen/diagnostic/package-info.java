/**
 * Diagnostics: every problem the data can have, as a value with a stable code, the object it
 * concerns, what is wrong and what to change. Stages collect them instead of throwing; a run with
 * any error writes nothing.
 */
package org.keagen.diagnostic;
