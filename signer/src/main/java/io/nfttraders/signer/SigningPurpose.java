package io.nfttraders.signer;

/**
 * Why the platform asks for a signature. The signer does not interpret it; callers use it to build
 * the {@code requestedBy}/{@code reason} audit fields consistently.
 */
public enum SigningPurpose {
    /** A user action, e.g. listing or buying an NFT from the user's custodial wallet. */
    USER_REQUEST,
    /** Platform housekeeping, e.g. funding gas or settling a sale from a platform wallet. */
    PLATFORM_OPERATION,
    /** Deploying or configuring the platform's own contracts. */
    DEPLOYMENT,
    /** Tests and local development only. */
    TEST
}
