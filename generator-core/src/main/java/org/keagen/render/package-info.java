/**
 * The render stage: turns a {@link org.keagen.plan.DhcpPlan} into Kea's {@code Dhcp4} JSON tree
 * inside the server-level skeleton a {@link org.keagen.render.ServerTemplate} supplies.
 */
package org.keagen.render;
