/**
 * The one interface every source of truth implements, and what its adapters share: their failure
 * and TLS without verification for {@code --insecure}. Adapters live in their own modules and
 * return a {@link org.keagen.snapshot.Snapshot}; the core knows nothing of HTTP or APIs.
 */
package org.keagen.source;
