/**
 * Running the independent halves of a pipeline stage on the machine's second core: a stage starts
 * one read-only task in the background, does its own part, then joins it, so results and their
 * order are those of running both one after the other.
 */
package org.keagen.concurrent;
