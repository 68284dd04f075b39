package dev.agentos.session;

/**
 * Who decides a permission request when nobody listens (no event listener, no hook, no connected
 * client): {@code ASK} keeps it pending until {@code respondPermission} or the timeout rejects it,
 * {@code ALLOW_ALL} allows it once, {@code REJECT_ALL} rejects it.
 */
public enum PermissionPolicy { ASK, ALLOW_ALL, REJECT_ALL }
