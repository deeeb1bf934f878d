// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC2309} from "@openzeppelin/contracts/interfaces/IERC2309.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {ContractMetadata} from "./ContractMetadata.sol";
import {HolderTable} from "./HolderTable.sol";
import {IpfsCid} from "./IpfsCid.sol";
import {OwnerWords} from "./OwnerWords.sol";

/**
 * @title NFT Traders collection
 * @notice ERC-721 collection (with ERC-2981 royalties, ERC-4906 metadata update events and ERC-2309 batch
 * mint events) whose token URIs are IPFS CIDv1 built on-chain from sha2-256 digests:
 *
 * - `mint(to, d, ...)`          -> `ipfs://<CIDv1(raw, d)>`          (`bafkrei...`): the token's JSON file;
 * - `mintBatch(to, n, d, ...)`  -> `ipfs://<CIDv1(dag-pb, d)>/<i>`   (`bafybei...`): file `i` (0-based) of the
 *                                   directory `d`;
 * - `setTokenMetadata(id, d)`   -> the token's URI becomes `ipfs://<CIDv1(raw, d)>` from then on.
 *
 * Token ids are sequential, starting at 1. `MINTER_ROLE` mints, `DEFAULT_ADMIN_ROLE` manages roles, royalties
 * and metadata overrides.
 *
 * Deployed directly, the constructor sets it up (the platform's shared collection). A creator's own collection
 * is an EIP-1167 clone of a deployed one (`CollectionFactory`), set up by `initialize` in the same transaction.
 *
 * Royalties (ERC-2981) are set per mint call: every token of a `mint` or `mintBatch` pays the receiver and
 * rate given to that call (its creator), or the collection's default royalty when the call named no receiver.
 *
 * @dev Storage layout, and why it is not OpenZeppelin's `ERC721`
 * --------------------------------------------------------------
 * Writing a storage slot that is zero costs 22,100 gas (20,000 + 2,100 cold access); rewriting a slot that is
 * already non-zero costs 5,000 (2,900 when it was read before in the same transaction). OZ's `ERC721` spends one
 * fresh slot per token on its owner, so a batch of 100 costs >= 2.2M gas. ERC721A-style lazy ownership (write
 * only the batch's first owner) makes batches cheap but moves the fresh-slot cost to the first transfer of every
 * token. This contract instead keeps every slot a transfer touches non-zero from the moment of minting, and
 * packs owners densely so that minting pays roughly one fresh slot per ten tokens:
 *
 * 1. `_holders` - the holder table (`HolderTable`): every address that ever held a token gets a 24-bit id and
 *    one slot holding both its address and its balance.
 *
 * 2. `_ownerWords` - the owners (`OwnerWords`): ten 24-bit holder ids to a word, with flags marking the
 *    first token of every mint call. A batch writes ~count/10 fresh words.
 *
 * 3. `_tokenDigests` (per-token sha2-256 of the metadata file, set by `mint` and `setTokenMetadata`) and
 *    `_batchDigests` (`firstTokenId => ` sha2-256 of the directory node, set by `mintBatch`). A token with a
 *    non-zero per-token digest uses it; any other token belongs to the batch starting at the closest flagged
 *    token at or before it (step 2). Digests must be non-zero: zero means "no digest" and there is no known
 *    sha2-256 preimage of it.
 *
 * 4. `_mintRoyalties` (`firstTokenId => bps << 160 | receiver`), one slot per mint call that names a royalty
 *    receiver; declared last so that storage written by earlier versions of this contract keeps its meaning.
 *
 * 5. `_nextTokenId` and `_burnedCount` share one slot, initialised to a non-zero value in the constructor so
 *    that every mint rewrites it (5,000) instead of creating it (22,100).
 *
 * A mint's costs and how they compare with OZ `ERC721URIStorage` are measured by `gas/measure.mjs`.
 *
 * Capacity: at most 2^24-1 (16.7M) distinct holders ever (`HolderTable`).
 */
contract Collection is IERC721Metadata, IERC4906, IERC2309, IERC721Errors, ERC2981, AccessControl, ContractMetadata {
    /// @notice Role allowed to call `mint` and `mintBatch`.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @notice `mintBatch` was called with `count` outside 1 .. 1000.
    error CollectionInvalidBatchSize(uint256 count);

    /// @notice A metadata digest was zero (no sha2-256 digest is zero; it marks "no digest" in storage).
    error CollectionZeroDigest();

    /// @notice A royalty was set for `tokenId`, which is not the first token of a mint call.
    error CollectionNotMintStart(uint256 tokenId);

    /// @notice `initialize` was called on a collection that is set up already.
    error CollectionAlreadySetUp();

    /// @notice `setMintRoyalties` got arrays of different lengths.
    error CollectionRoyaltyArityMismatch();

    /// @notice The royalty of the mint call starting at `firstTokenId` is now `bps` to `receiver`.
    event MintRoyaltySet(uint256 indexed firstTokenId, address receiver, uint96 bps);

    /// @dev Largest `mintBatch`; bounds the owner-word loop (101 words).
    uint256 private constant _MAX_BATCH_SIZE = 1000;

    // ---- `_mintRoyalties` layout (see contract NatSpec, step 4) ----
    uint256 private constant _BPS_SHIFT = 160;

    string private _name;
    string private _symbol;

    /// @dev Next id to mint and the number of burned tokens, packed in one slot (step 5).
    uint64 private _nextTokenId;
    uint64 private _burnedCount;

    mapping(uint256 holderId => uint256 balanceAndAddress) private _holders;
    mapping(uint256 wordIndex => uint256 holderIdsAndFlags) private _ownerWords;
    mapping(uint256 tokenId => bytes32 fileDigest) private _tokenDigests;
    mapping(uint256 firstTokenId => bytes32 directoryDigest) private _batchDigests;
    mapping(uint256 tokenId => address) private _tokenApprovals;
    mapping(address owner => mapping(address operator => bool)) private _operatorApprovals;
    mapping(uint256 firstTokenId => uint256 bpsAndReceiver) private _mintRoyalties;

    /**
     * @param admin receives `DEFAULT_ADMIN_ROLE` and `MINTER_ROLE`.
     * @param royaltyBps default ERC-2981 royalty in basis points (10,000 = 100%).
     */
    constructor(string memory name_, string memory symbol_, address admin, address royaltyReceiver, uint96 royaltyBps) {
        _setUp(name_, symbol_, admin, royaltyReceiver, royaltyBps, 0);
    }

    /**
     * @notice Sets up a clone, once: as the constructor, plus the collection's ERC-7572 metadata.
     * @param contractMetadataDigest sha2-256 of the collection's metadata JSON file, or zero for none.
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
        if (_nextTokenId != 0) revert CollectionAlreadySetUp();
        _setUp(name_, symbol_, admin, royaltyReceiver, royaltyBps, contractMetadataDigest);
    }

    function _setUp(
        string memory name_,
        string memory symbol_,
        address admin,
        address royaltyReceiver,
        uint96 royaltyBps,
        bytes32 contractMetadataDigest
    ) private {
        _name = name_;
        _symbol = symbol_;
        _nextTokenId = 1;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _setDefaultRoyalty(royaltyReceiver, royaltyBps);
        if (contractMetadataDigest != 0) _setContractMetadata(contractMetadataDigest);
    }

    // =============================================================================================
    // Minting and metadata
    // =============================================================================================

    /**
     * @notice Mints the next token to `to`; its URI is `ipfs://<CIDv1(raw, metadataDigest)>`.
     * @param metadataDigest sha2-256 of the token's metadata JSON file.
     * @param royaltyReceiver receives `royaltyBps` of every sale of the token; `address(0)` (with a rate of 0)
     * leaves the token on the collection's default royalty.
     */
    function mint(
        address to,
        bytes32 metadataDigest,
        address royaltyReceiver,
        uint96 royaltyBps
    ) external onlyRole(MINTER_ROLE) returns (uint256 tokenId) {
        _requireDigest(metadataDigest);
        tokenId = _mintConsecutive(to, 1);
        _tokenDigests[tokenId] = metadataDigest;
        _recordMintRoyalty(tokenId, royaltyReceiver, royaltyBps);
        emit Transfer(address(0), to, tokenId);
    }

    /**
     * @notice Mints `count` consecutive tokens to `to`. Token `firstTokenId + i` gets the URI
     * `ipfs://<CIDv1(dag-pb, directoryDigest)>/<i>`.
     * @dev Emits one ERC-2309 `ConsecutiveTransfer` instead of `count` `Transfer` events (ERC-721 itself only
     * allows skipping `Transfer` during construction; indexers that follow ERC-2309 handle this).
     * @param directoryDigest sha2-256 of the UnixFS directory node holding files `0` .. `count-1`.
     * @param royaltyReceiver as for `mint`, for every token of the batch.
     */
    function mintBatch(
        address to,
        uint256 count,
        bytes32 directoryDigest,
        address royaltyReceiver,
        uint96 royaltyBps
    ) external onlyRole(MINTER_ROLE) returns (uint256 firstTokenId) {
        if (count == 0 || count > _MAX_BATCH_SIZE) revert CollectionInvalidBatchSize(count);
        _requireDigest(directoryDigest);
        firstTokenId = _mintConsecutive(to, count);
        _batchDigests[firstTokenId] = directoryDigest;
        _recordMintRoyalty(firstTokenId, royaltyReceiver, royaltyBps);
        emit ConsecutiveTransfer(firstTokenId, firstTokenId + count - 1, address(0), to);
    }

    /// @notice Points `tokenId` at its own metadata file from now on (also for batch-minted tokens).
    function setTokenMetadata(uint256 tokenId, bytes32 metadataDigest) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _requireOwned(tokenId);
        _requireDigest(metadataDigest);
        _tokenDigests[tokenId] = metadataDigest;
        emit MetadataUpdate(tokenId);
    }

    /// @notice Points the collection's ERC-7572 metadata at the file with this sha2-256 digest (zero: none).
    function setContractMetadata(bytes32 digest) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setContractMetadata(digest);
    }

    /// @notice Sets the ERC-2981 royalty of every token whose mint call named no receiver.
    function setDefaultRoyalty(address receiver, uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDefaultRoyalty(receiver, bps);
    }

    /**
     * @notice Sets the royalty of every token of the mint calls starting at `firstTokenIds[i]` to
     * `bps[i]` paid to `receivers[i]` (a receiver of `address(0)` with a rate of 0 returns them to the default).
     */
    function setMintRoyalties(
        uint256[] calldata firstTokenIds,
        address[] calldata receivers,
        uint96[] calldata bps
    ) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (receivers.length != firstTokenIds.length || bps.length != firstTokenIds.length) {
            revert CollectionRoyaltyArityMismatch();
        }
        for (uint256 i = 0; i < firstTokenIds.length; ++i) {
            uint256 tokenId = firstTokenIds[i];
            if (!_isMinted(tokenId) || OwnerWords.mintStartOf(_ownerWords, tokenId) != tokenId) revert CollectionNotMintStart(tokenId);
            delete _mintRoyalties[tokenId];
            _recordMintRoyalty(tokenId, receivers[i], bps[i]);
            emit MintRoyaltySet(tokenId, receivers[i], bps[i]);
        }
    }

    /// @inheritdoc ERC2981
    function royaltyInfo(uint256 tokenId, uint256 salePrice) public view override returns (address, uint256) {
        if (_isMinted(tokenId)) {
            uint256 record = _mintRoyalties[OwnerWords.mintStartOf(_ownerWords, tokenId)];
            if (record != 0) {
                return (address(uint160(record)), (salePrice * (record >> _BPS_SHIFT)) / _feeDenominator());
            }
        }
        return super.royaltyInfo(tokenId, salePrice);
    }

    /// @notice Destroys `tokenId`; callable by its owner, its approved address or an operator of the owner.
    function burn(uint256 tokenId) external {
        _move(address(0), tokenId, _msgSender());
        unchecked {
            ++_burnedCount; // at most _nextTokenId - 1 tokens can ever be burned
        }
    }

    /// @inheritdoc IERC721Metadata
    function tokenURI(uint256 tokenId) public view returns (string memory) {
        _requireOwned(tokenId);
        bytes32 fileDigest = _tokenDigests[tokenId];
        if (fileDigest != 0) return IpfsCid.fileUri(fileDigest);
        uint256 firstTokenId = OwnerWords.mintStartOf(_ownerWords, tokenId);
        return IpfsCid.directoryEntryUri(_batchDigests[firstTokenId], tokenId - firstTokenId);
    }

    /// @notice Number of tokens in existence (minted minus burned).
    function totalSupply() public view returns (uint256) {
        return _nextTokenId - 1 - _burnedCount;
    }

    /// @notice Id the next minted token will get.
    function nextTokenId() public view returns (uint256) {
        return _nextTokenId;
    }

    /// @inheritdoc IERC721Metadata
    function name() public view returns (string memory) {
        return _name;
    }

    /// @inheritdoc IERC721Metadata
    function symbol() public view returns (string memory) {
        return _symbol;
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view override(IERC165, ERC2981, AccessControl) returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            interfaceId == bytes4(0x49064906) || // ERC-4906, as specified by the EIP
            super.supportsInterface(interfaceId); // ERC-2981, AccessControl, ERC-165
    }

    // =============================================================================================
    // ERC-721
    // =============================================================================================

    /// @inheritdoc IERC721
    function balanceOf(address owner) public view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        (, uint256 entry) = HolderTable.find(_holders, owner);
        return entry >> HolderTable.BALANCE_SHIFT; // an empty slot (not a holder) reads as balance 0
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) public view returns (address) {
        return _requireOwned(tokenId);
    }

    /// @inheritdoc IERC721
    function approve(address to, uint256 tokenId) public {
        address owner = _requireOwned(tokenId);
        address auth = _msgSender();
        if (owner != auth && !isApprovedForAll(owner, auth)) revert ERC721InvalidApprover(auth);
        _tokenApprovals[tokenId] = to;
        emit Approval(owner, to, tokenId);
    }

    /// @inheritdoc IERC721
    function getApproved(uint256 tokenId) public view returns (address) {
        _requireOwned(tokenId);
        return _tokenApprovals[tokenId];
    }

    /// @inheritdoc IERC721
    function setApprovalForAll(address operator, bool approved) public {
        if (operator == address(0)) revert ERC721InvalidOperator(address(0));
        _operatorApprovals[_msgSender()][operator] = approved;
        emit ApprovalForAll(_msgSender(), operator, approved);
    }

    /// @inheritdoc IERC721
    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    /// @inheritdoc IERC721
    function transferFrom(address from, address to, uint256 tokenId) public {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        address previousOwner = _move(to, tokenId, _msgSender());
        if (previousOwner != from) revert ERC721IncorrectOwner(from, tokenId, previousOwner);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId) public {
        safeTransferFrom(from, to, tokenId, "");
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public {
        transferFrom(from, to, tokenId);
        ERC721Utils.checkOnERC721Received(_msgSender(), from, to, tokenId, data);
    }

    // =============================================================================================
    // Internal: ownership
    // =============================================================================================

    /**
     * @dev Assigns ids `nextTokenId .. nextTokenId+count-1` to `to` (no events) and returns the first one.
     * Cost: the counter slot (rewrite), `to`'s holder slot (fresh or rewrite) and the owner words.
     */
    function _mintConsecutive(address to, uint256 count) private returns (uint256 firstTokenId) {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        firstTokenId = _nextTokenId;
        _nextTokenId = uint64(firstTokenId + count);
        OwnerWords.write(_ownerWords, firstTokenId, firstTokenId + count - 1, HolderTable.credit(_holders, to, count));
    }

    /**
     * @dev Moves `tokenId` from its owner to `to` (`address(0)` burns), after checking that `auth` may do so,
     * and returns the previous owner. Storage touched, which is what OZ's `_update` touches as well:
     * the token's owner word (read + rewrite), the owner's holder slot (read + rewrite: it holds both the
     * address and the balance), the token approval (read, cleared only if set) and `to`'s holder slot.
     */
    function _move(address to, uint256 tokenId, address auth) private returns (address owner) {
        (uint256 wordIndex, uint256 shift) = OwnerWords.position(tokenId);
        uint256 word = _ownerWords[wordIndex];
        uint256 fromId = (word >> shift) & OwnerWords.ID_MASK;
        if (fromId == 0) revert ERC721NonexistentToken(tokenId);
        uint256 fromEntry = _holders[fromId];
        owner = address(uint160(fromEntry));

        _checkAuthorized(owner, auth, tokenId);
        if (_tokenApprovals[tokenId] != address(0)) delete _tokenApprovals[tokenId];

        _holders[fromId] = fromEntry - HolderTable.ONE_TOKEN;
        // Credit after the debit: for a self-transfer `credit` re-reads the already decremented slot.
        uint256 toId = to == address(0) ? 0 : HolderTable.credit(_holders, to, 1);
        _ownerWords[wordIndex] = word ^ ((fromId ^ toId) << shift); // replaces the lane, keeps the rest
        emit Transfer(owner, to, tokenId);
    }

    /// @dev Same rule as OZ `ERC721._isAuthorized`: the owner, an operator of the owner or the approved address.
    function _checkAuthorized(address owner, address spender, uint256 tokenId) private view {
        if (owner != spender && !isApprovedForAll(owner, spender) && _tokenApprovals[tokenId] != spender) {
            revert ERC721InsufficientApproval(spender, tokenId);
        }
    }

    /// @dev Owner of `tokenId`; reverts with `ERC721NonexistentToken` if never minted or burned.
    function _requireOwned(uint256 tokenId) private view returns (address) {
        uint256 holderId = OwnerWords.holderIdOf(_ownerWords, tokenId);
        if (holderId == 0) revert ERC721NonexistentToken(tokenId);
        return address(uint160(_holders[holderId]));
    }

    // =============================================================================================
    // Internal: metadata
    // =============================================================================================

    function _requireDigest(bytes32 digest) private pure {
        if (digest == 0) revert CollectionZeroDigest();
    }

    /// @dev Whether `tokenId` was ever minted (it may have been burned since).
    function _isMinted(uint256 tokenId) private view returns (bool) {
        return tokenId != 0 && tokenId < _nextTokenId;
    }

    /**
     * @dev Same bounds as OZ `ERC2981._setTokenRoyalty`; no receiver and no rate means "the default", which a
     * new mint call already has (nothing to write).
     */
    function _recordMintRoyalty(uint256 firstTokenId, address receiver, uint96 bps) private {
        if (bps > _feeDenominator()) revert ERC2981InvalidTokenRoyalty(firstTokenId, bps, _feeDenominator());
        if (receiver == address(0)) {
            if (bps != 0) revert ERC2981InvalidTokenRoyaltyReceiver(firstTokenId, address(0));
            return;
        }
        _mintRoyalties[firstTokenId] = (uint256(bps) << _BPS_SHIFT) | uint160(receiver);
    }
}
