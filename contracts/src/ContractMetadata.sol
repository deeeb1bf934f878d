// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IpfsCid} from "./IpfsCid.sol";

/**
 * @notice ERC-7572 contract-level metadata: `contractURI()` names a JSON document describing the collection
 * (name, description, image), which marketplaces show on its page. As with tokens, the document is content
 * addressed: the contract stores its sha2-256 digest (one slot) and answers `ipfs://<CIDv1(raw, digest)>`.
 * @dev Kept in its own ERC-7201 namespace, so a contract gains it without moving any of its own storage.
 */
abstract contract ContractMetadata {
    /// @custom:storage-location erc7201:nfttraders.storage.ContractMetadata
    struct ContractMetadataStorage {
        bytes32 digest;
    }

    /// @dev keccak256(abi.encode(uint256(keccak256("nfttraders.storage.ContractMetadata")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _STORAGE = 0x6741ae0f50d54c08e7d2ddca3fcaaac5c0680fa448d2f9b85cf4a5278e8bd800;

    /// @notice ERC-7572: the contract's metadata changed.
    event ContractURIUpdated();

    /// @notice ERC-7572: where the contract's metadata JSON is (empty when it has none).
    function contractURI() public view returns (string memory) {
        bytes32 digest = _contractMetadata().digest;
        return digest == 0 ? "" : IpfsCid.fileUri(digest);
    }

    /// @dev `digest`: sha2-256 of the metadata JSON file, or zero for none.
    function _setContractMetadata(bytes32 digest) internal {
        _contractMetadata().digest = digest;
        emit ContractURIUpdated();
    }

    function _contractMetadata() private pure returns (ContractMetadataStorage storage s) {
        assembly {
            s.slot := _STORAGE
        }
    }
}
