package io.nfttraders.platform;

/**
 * A GraphQL subscription field whose events read the same to every subscriber (nothing in them
 * depends on who asks). Declared as a bean, it lets the WebSocket endpoint run identical
 * subscriptions to it (same document, variables and operation) once and write each result to all
 * of their subscribers, instead of executing and encoding every event once per subscriber.
 *
 * @param name the field of the Subscription type, e.g. {@code auctionEvents}
 */
public record SharedSubscriptionField(String name) {}
