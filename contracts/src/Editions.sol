// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {ContractMetadata} from "./ContractMetadata.sol";
import {IpfsCid} from "./IpfsCid.sol";

/**
 * @title NFT Traders editions
 * @notice A creator's ERC-1155 collection: each `mint` creates the next token id as an edition of `amount`
 * copies whose URI is `ipfs://<CIDv1(raw, metadataDigest)>`, with an ERC-2981 royalty for the whole
 * collection and ERC-7572 contract metadata. `MINTER_ROLE` mints, `DEFAULT_ADMIN_ROLE` manages roles, the
 * royalty and the contract metadata.
 *
 * @dev Used as the implementation of EIP-1167 clones (`CollectionFactory`), set up by `initialize`. OZ's
 * `ERC1155` constructor only stores a URI template, which `uri` below does not use, so a clone needs none.
 */
contract Editions is ERC1155, ERC2981, AccessControl, ContractMetadata {
    /// @notice Role allowed to call `mint`.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @notice A metadata digest was zero (no sha2-256 digest is zero; it marks "no token" in storage).
    error EditionsZeroDigest();

    /// @notice An edition of no copies.
    error EditionsZeroAmount();

    /// @notice `initialize` was called on a collection that is set up already (or on the implementation).
    error EditionsAlreadySetUp();

    string private _name;
    string private _symbol;
    uint256 private _nextTokenId;
    mapping(uint256 tokenId => bytes32 fileDigest) private _tokenDigests;

    /// @dev The implementation itself is never used as a collection: marked as set up, with no admin.
    constructor() ERC1155("") {
        _nextTokenId = 1;
    }

    /**
     * @notice Sets up a clone, once.
     * @param admin receives `DEFAULT_ADMIN_ROLE` and `MINTER_ROLE`.
     * @param royaltyBps ERC-2981 royalty of every token, in basis points (10,000 = 100%).
     * @param contractMetadataDigest sha2-256 of the collection's ERC-7572 metadata JSON file, or zero for none.
     */
    function initialize(
        string calldata name_,
        string calldata symbol_,
        address admin,
        address royaltyReceiver,
        uint96 royaltyBps,
        bytes32 contractMetadataDigest
    ) external {
        // The counter is non-zero from set-up on, so it marks a set-up collection without a slot of its own.
        if (_nextTokenId != 0) revert EditionsAlreadySetUp();
        _name = name_;
        _symbol = symbol_;
        _nextTokenId = 1;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _setDefaultRoyalty(royaltyReceiver, royaltyBps);
        if (contractMetadataDigest != 0) _setContractMetadata(contractMetadataDigest);
    }

    /// @notice Mints the next token id to `to` as an edition of `amount` copies.
    /// @param metadataDigest sha2-256 of the token's metadata JSON file.
    function mint(address to, uint256 amount, bytes32 metadataDigest) external onlyRole(MINTER_ROLE) returns (uint256 tokenId) {
        if (metadataDigest == 0) revert EditionsZeroDigest();
        if (amount == 0) revert EditionsZeroAmount();
        tokenId = _nextTokenId++;
        _tokenDigests[tokenId] = metadataDigest;
        _mint(to, tokenId, amount, "");
    }

    /// @notice The token's metadata: `ipfs://<CIDv1(raw, digest)>`, or empty for an id never minted.
    function uri(uint256 tokenId) public view override returns (string memory) {
        bytes32 digest = _tokenDigests[tokenId];
        return digest == 0 ? "" : IpfsCid.fileUri(digest);
    }

    /// @notice Points the collection's ERC-7572 metadata at the file with this sha2-256 digest (zero: none).
    function setContractMetadata(bytes32 digest) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setContractMetadata(digest);
    }

    /// @notice Sets the ERC-2981 royalty of every token.
    function setDefaultRoyalty(address receiver, uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDefaultRoyalty(receiver, bps);
    }

    /// @notice The collection's name, which marketplaces show (ERC-1155 itself has none).
    function name() external view returns (string memory) {
        return _name;
    }

    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @notice Id the next minted token will get.
    function nextTokenId() external view returns (uint256) {
        return _nextTokenId;
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, ERC2981, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
