package dev.agentos.protocol;

import java.time.Instant;

/** A signed preview URL: the gateway path to use, its token, the VM port it reaches and when it expires. */
public record PreviewUrl(String path, String token, int port, Instant expiresAt) {}
