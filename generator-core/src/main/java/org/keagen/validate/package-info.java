/**
 * Validation of Kea DHCPv4 configs before anything is written: {@link
 * org.keagen.validate.SemanticRules} checks what Kea itself lets through, {@link
 * org.keagen.validate.ConfigValidation} takes a config's subnets and reservations one at a time, {@link
 * org.keagen.validate.OptionValues} checks option data against its definition, and {@link
 * org.keagen.validate.KeaCheck} runs the real {@code kea-dhcp4 -t} where the binary is installed,
 * in a way that does not depend on the host's interfaces or directories.
 */
package org.keagen.validate;
