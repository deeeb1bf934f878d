// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface IERC721Transfers {
    function ownerOf(uint256 tokenId) external view returns (address);
    function transferFrom(address from, address to, uint256 tokenId) external;
}

/**
 * @title Benchmark-only: many real ERC-721 Transfer logs per transaction.
 * @notice The holders in `ring` approve this contract as operator (`setApprovalForAll`); each
 * `rotate` call then moves every token of a consecutive id range from its current holder to the
 * next holder of the ring, one `transferFrom` (and one Transfer log) per token. Only the deployer
 * may call it. Never deployed outside the benchmarks.
 */
contract TransferRing {
    address private immutable _deployer;

    error NotDeployer();
    error NotInRing(address holder);

    constructor() {
        _deployer = msg.sender;
    }

    function rotate(IERC721Transfers collection, uint256 firstTokenId, uint256 count, address[] calldata ring) external {
        if (msg.sender != _deployer) revert NotDeployer();
        for (uint256 id = firstTokenId; id < firstTokenId + count; id++) {
            address holder = collection.ownerOf(id);
            collection.transferFrom(holder, ring[(_position(holder, ring) + 1) % ring.length], id);
        }
    }

    function _position(address holder, address[] calldata ring) private pure returns (uint256) {
        for (uint256 i = 0; i < ring.length; i++) {
            if (ring[i] == holder) return i;
        }
        revert NotInRing(holder);
    }
}
