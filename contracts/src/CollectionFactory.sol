// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Collection} from "./Collection.sol";
import {Editions} from "./Editions.sol";

/**
 * @title NFT Traders collection factory
 * @notice Creates a creator's own collection: an EIP-1167 clone of the ERC-721 (`Collection`) or ERC-1155
 * (`Editions`) implementation, set up in the same transaction with its caller as admin and minter. The clone's
 * address follows from the caller and a salt of their choice (`predictCollection`), so it is known before the
 * transaction is mined.
 */
contract CollectionFactory {
    enum Standard {
        ERC721,
        ERC1155
    }

    address public immutable erc721Implementation;
    address public immutable erc1155Implementation;

    /// @notice `owner` created `collection`, a clone of the `standard` implementation.
    event CollectionCreated(address indexed collection, address indexed owner, Standard standard);

    constructor(address erc721Implementation_, address erc1155Implementation_) {
        erc721Implementation = erc721Implementation_;
        erc1155Implementation = erc1155Implementation_;
    }

    /**
     * @notice Creates the caller's collection; reverts if the caller used `salt` before.
     * @param royaltyReceiver receives `royaltyBps` of every sale of every token (ERC-2981).
     * @param contractMetadataDigest sha2-256 of the collection's ERC-7572 metadata JSON (name, description, image),
     * or zero for none; `contractURI()` then answers its `ipfs://` URI.
     */
    function createCollection(
        Standard standard,
        string calldata name,
        string calldata symbol,
        address royaltyReceiver,
        uint96 royaltyBps,
        bytes32 contractMetadataDigest,
        bytes32 salt
    ) external returns (address collection) {
        collection = Clones.cloneDeterministic(_implementation(standard), _saltOf(msg.sender, salt));
        if (standard == Standard.ERC721) {
            Collection(collection).initialize(name, symbol, msg.sender, royaltyReceiver, royaltyBps, contractMetadataDigest);
        } else {
            Editions(collection).initialize(name, symbol, msg.sender, royaltyReceiver, royaltyBps, contractMetadataDigest);
        }
        emit CollectionCreated(collection, msg.sender, standard);
    }

    /// @notice Where `createCollection(standard, ..., salt)` called by `creator` puts the collection.
    function predictCollection(Standard standard, address creator, bytes32 salt) external view returns (address) {
        return Clones.predictDeterministicAddress(_implementation(standard), _saltOf(creator, salt));
    }

    function _implementation(Standard standard) private view returns (address) {
        return standard == Standard.ERC721 ? erc721Implementation : erc1155Implementation;
    }

    /// @dev Salts are per creator: no one can take another creator's address.
    function _saltOf(address creator, bytes32 salt) private pure returns (bytes32) {
        return keccak256(abi.encode(creator, salt));
    }
}
