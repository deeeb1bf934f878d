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
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/**
 * @title NFT Traders collection
 * @notice ERC-721 collection (with ERC-2981 royalties, ERC-4906 metadata update events and ERC-2309 batch
 * mint events) whose token URIs are IPFS CIDv1 built on-chain from sha2-256 digests:
 *
 * - `mint(to, d)`               -> `ipfs://<CIDv1(raw, d)>`          (`bafkrei...`): the token's JSON file;
 * - `mintBatch(to, n, d)`       -> `ipfs://<CIDv1(dag-pb, d)>/<i>`   (`bafybei...`): file `i` (0-based) of the
 *                                   directory `d`;
 * - `setTokenMetadata(id, d)`   -> the token's URI becomes `ipfs://<CIDv1(raw, d)>` from then on.
 *
 * Token ids are sequential, starting at 1. `MINTER_ROLE` mints, `DEFAULT_ADMIN_ROLE` manages roles, royalties
 * and metadata overrides.
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
 * 1. `_holders` - the holder table. `holderId => balance << 160 | address`, an open-addressing hash table over
 *    the ids 1 .. 2^24-1 (id 0 means "no owner"). An address's candidate ids are
 *    `keccak256(address, probe) % (2^24-1) + 1` for probe = 0, 1, 2, ...; it lives in the first candidate whose
 *    slot holds its address, or is inserted into the first empty one. One slot holds both the address (so the
 *    id can be turned back into an owner for `ownerOf`) and the balance (so a recipient costs exactly one slot,
 *    fresh or rewritten, like OZ's `_balances`). Entries are never removed, even at balance 0: deleting would
 *    break the probe chains of other addresses, and it keeps a returning holder at 5,000 gas instead of 22,100.
 *
 * 2. `_ownerWords` - the owners. Word `w` describes tokens `10w .. 10w+9`: bits `[24k, 24k+24)` hold the
 *    holder id of token `10w+k` (0 = not minted or burned) and bit `240+k` is set when token `10w+k` is the
 *    first token of a `mint`/`mintBatch` call, so `tokenURI` finds a token's batch without a separate bitmap
 *    slot (10 x 24 id bits + 10 flag bits fit in 256; 6 bits are unused). A batch writes ~count/10 fresh
 *    words; a transfer rewrites one word that is already non-zero (the token's own lane is).
 *
 * 3. `_tokenDigests` (per-token sha2-256 of the metadata file, set by `mint` and `setTokenMetadata`) and
 *    `_batchDigests` (`firstTokenId => ` sha2-256 of the directory node, set by `mintBatch`). A token with a
 *    non-zero per-token digest uses it; any other token belongs to the batch starting at the closest flagged
 *    token at or before it (step 2). Digests must be non-zero: zero means "no digest" and there is no known
 *    sha2-256 preimage of it.
 *
 * 4. `_nextTokenId` and `_burnedCount` share one slot, initialised to a non-zero value in the constructor so
 *    that every mint rewrites it (5,000) instead of creating it (22,100).
 *
 * Resulting costs (gas/RESULTS.md): `mint` to a new holder ~83.5k, or ~100.7k for the 1 token in 10 that
 * starts a new owner word; `mintBatch` of 100 ~3.0-3.25k per token; transfers within ~3% of OZ `ERC721`.
 *
 * Capacity and limits: at most 2^24-1 (16.7M) distinct holders ever. Each probe is an independent hash, so
 * there is no clustering: at a table load L an insert takes ~1/(1-L) probes, i.e. one for any realistic
 * collection. Each extra probe costs 2,100 gas (a cold SLOAD). Somebody can grind addresses whose probes
 * collide with a victim's (~2^24 hashes each) and give each of them a token (one ~60k-gas transfer each);
 * every such address then adds 2,100 gas to each later mint or transfer to that victim. This is griefing,
 * not theft, and costs the attacker far more than the victim.
 */
contract Collection is IERC721Metadata, IERC4906, IERC2309, IERC721Errors, ERC2981, AccessControl {
    /// @notice Role allowed to call `mint` and `mintBatch`.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @notice `mintBatch` was called with `count` outside 1 .. 1000.
    error CollectionInvalidBatchSize(uint256 count);

    /// @notice A metadata digest was zero (no sha2-256 digest is zero; it marks "no digest" in storage).
    error CollectionZeroDigest();

    /// @dev Largest `mintBatch`; bounds the owner-word loop (101 words) and the `tokenURI` batch-start scan.
    uint256 private constant _MAX_BATCH_SIZE = 1000;

    // ---- `_ownerWords` layout (see contract NatSpec, step 2) ----
    uint256 private constant _TOKENS_PER_WORD = 10;
    uint256 private constant _ID_BITS = 24;
    uint256 private constant _ID_MASK = (1 << _ID_BITS) - 1;
    /// @dev Bit position of the first "mint starts here" flag; the ten flags sit above the ten 24-bit ids.
    uint256 private constant _FLAGS_SHIFT = _TOKENS_PER_WORD * _ID_BITS;
    uint256 private constant _FLAGS_MASK = (1 << _TOKENS_PER_WORD) - 1;
    /// @dev A 1 in each of the ten 24-bit lanes: `holderId * _EVERY_LANE` repeats the id in all lanes
    /// (ids are < 2^24, so the multiplication never carries into the next lane).
    uint256 private constant _EVERY_LANE = 0x000001000001000001000001000001000001000001000001000001000001;

    // ---- `_holders` layout (see contract NatSpec, step 1) ----
    uint256 private constant _HOLDER_ID_COUNT = _ID_MASK; // usable ids: 1 .. 2^24-1
    uint256 private constant _BALANCE_SHIFT = 160;
    uint256 private constant _ONE_TOKEN = 1 << _BALANCE_SHIFT;

    // ---- CIDv1 ----
    uint8 private constant _CODEC_RAW = 0x55;
    uint8 private constant _CODEC_DAG_PB = 0x70;
    /// @dev RFC 4648 base32 alphabet, lowercase (multibase prefix "b").
    bytes32 private constant _BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    string private _name;
    string private _symbol;

    /// @dev Next id to mint and the number of burned tokens, packed in one slot (step 4).
    uint64 private _nextTokenId;
    uint64 private _burnedCount;

    mapping(uint256 holderId => uint256 balanceAndAddress) private _holders;
    mapping(uint256 wordIndex => uint256 holderIdsAndFlags) private _ownerWords;
    mapping(uint256 tokenId => bytes32 fileDigest) private _tokenDigests;
    mapping(uint256 firstTokenId => bytes32 directoryDigest) private _batchDigests;
    mapping(uint256 tokenId => address) private _tokenApprovals;
    mapping(address owner => mapping(address operator => bool)) private _operatorApprovals;

    /**
     * @param admin receives `DEFAULT_ADMIN_ROLE` and `MINTER_ROLE`.
     * @param royaltyBps default ERC-2981 royalty in basis points (10,000 = 100%).
     */
    constructor(string memory name_, string memory symbol_, address admin, address royaltyReceiver, uint96 royaltyBps) {
        _name = name_;
        _symbol = symbol_;
        _nextTokenId = 1;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _setDefaultRoyalty(royaltyReceiver, royaltyBps);
    }

    // =============================================================================================
    // Minting and metadata
    // =============================================================================================

    /// @notice Mints the next token to `to`; its URI is `ipfs://<CIDv1(raw, metadataDigest)>`.
    /// @param metadataDigest sha2-256 of the token's metadata JSON file.
    function mint(address to, bytes32 metadataDigest) external onlyRole(MINTER_ROLE) returns (uint256 tokenId) {
        _requireDigest(metadataDigest);
        tokenId = _mintConsecutive(to, 1);
        _tokenDigests[tokenId] = metadataDigest;
        emit Transfer(address(0), to, tokenId);
    }

    /**
     * @notice Mints `count` consecutive tokens to `to`. Token `firstTokenId + i` gets the URI
     * `ipfs://<CIDv1(dag-pb, directoryDigest)>/<i>`.
     * @dev Emits one ERC-2309 `ConsecutiveTransfer` instead of `count` `Transfer` events (ERC-721 itself only
     * allows skipping `Transfer` during construction; indexers that follow ERC-2309 handle this).
     * @param directoryDigest sha2-256 of the UnixFS directory node holding files `0` .. `count-1`.
     */
    function mintBatch(
        address to,
        uint256 count,
        bytes32 directoryDigest
    ) external onlyRole(MINTER_ROLE) returns (uint256 firstTokenId) {
        if (count == 0 || count > _MAX_BATCH_SIZE) revert CollectionInvalidBatchSize(count);
        _requireDigest(directoryDigest);
        firstTokenId = _mintConsecutive(to, count);
        _batchDigests[firstTokenId] = directoryDigest;
        emit ConsecutiveTransfer(firstTokenId, firstTokenId + count - 1, address(0), to);
    }

    /// @notice Points `tokenId` at its own metadata file from now on (also for batch-minted tokens).
    function setTokenMetadata(uint256 tokenId, bytes32 metadataDigest) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _requireOwned(tokenId);
        _requireDigest(metadataDigest);
        _tokenDigests[tokenId] = metadataDigest;
        emit MetadataUpdate(tokenId);
    }

    /// @notice Sets the ERC-2981 royalty for all tokens.
    function setDefaultRoyalty(address receiver, uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDefaultRoyalty(receiver, bps);
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
        if (fileDigest != 0) {
            return string.concat("ipfs://", _cidV1(_CODEC_RAW, fileDigest));
        }
        uint256 firstTokenId = _mintStartOf(tokenId);
        return
            string.concat(
                "ipfs://",
                _cidV1(_CODEC_DAG_PB, _batchDigests[firstTokenId]),
                "/",
                Strings.toString(tokenId - firstTokenId)
            );
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
        (, uint256 entry) = _findHolder(owner);
        return entry >> _BALANCE_SHIFT; // an empty slot (not a holder) reads as balance 0
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
        _writeOwners(firstTokenId, firstTokenId + count - 1, _credit(to, count));
    }

    /**
     * @dev Sets the owner of tokens `first .. last` (all unminted so far) to `holderId` and flags `first` as a
     * mint start. Only the word containing `first` can already hold (earlier) tokens, so it is the only one
     * read; every later word is still zero and is simply assigned (one fresh slot per ten tokens).
     */
    function _writeOwners(uint256 first, uint256 last, uint256 holderId) private {
        uint256 idInEveryLane = holderId * _EVERY_LANE;
        uint256 firstWord = first / _TOKENS_PER_WORD;
        uint256 lastWord = last / _TOKENS_PER_WORD;
        uint256 firstLane = first % _TOKENS_PER_WORD;
        uint256 lastLane = last % _TOKENS_PER_WORD;

        if (firstWord == lastWord) {
            _ownerWords[firstWord] |= (idInEveryLane & _laneMask(firstLane, lastLane)) | _startFlag(firstLane);
            return;
        }
        _ownerWords[firstWord] |= (idInEveryLane & _laneMask(firstLane, _TOKENS_PER_WORD - 1)) | _startFlag(firstLane);
        for (uint256 w = firstWord + 1; w < lastWord; ++w) {
            _ownerWords[w] = idInEveryLane; // all ten lanes
        }
        _ownerWords[lastWord] = idInEveryLane & _laneMask(0, lastLane);
    }

    /// @dev The "a mint call starts at this token" flag of `lane` (see `_mintStartOf`).
    function _startFlag(uint256 lane) private pure returns (uint256) {
        return 1 << (_FLAGS_SHIFT + lane);
    }

    /**
     * @dev Moves `tokenId` from its owner to `to` (`address(0)` burns), after checking that `auth` may do so,
     * and returns the previous owner. Storage touched, which is what OZ's `_update` touches as well:
     * the token's owner word (read + rewrite), the owner's holder slot (read + rewrite: it holds both the
     * address and the balance), the token approval (read, cleared only if set) and `to`'s holder slot.
     */
    function _move(address to, uint256 tokenId, address auth) private returns (address owner) {
        (uint256 wordIndex, uint256 shift) = _position(tokenId);
        uint256 word = _ownerWords[wordIndex];
        uint256 fromId = (word >> shift) & _ID_MASK;
        if (fromId == 0) revert ERC721NonexistentToken(tokenId);
        uint256 fromEntry = _holders[fromId];
        owner = address(uint160(fromEntry));

        _checkAuthorized(owner, auth, tokenId);
        if (_tokenApprovals[tokenId] != address(0)) delete _tokenApprovals[tokenId];

        _holders[fromId] = fromEntry - _ONE_TOKEN;
        // Credit after the debit: for a self-transfer `_credit` re-reads the already decremented slot.
        uint256 toId = to == address(0) ? 0 : _credit(to, 1);
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
        (uint256 wordIndex, uint256 shift) = _position(tokenId);
        uint256 holderId = (_ownerWords[wordIndex] >> shift) & _ID_MASK;
        if (holderId == 0) revert ERC721NonexistentToken(tokenId);
        return address(uint160(_holders[holderId]));
    }

    /// @dev Word index and bit offset of `tokenId`'s holder id in `_ownerWords`.
    function _position(uint256 tokenId) private pure returns (uint256 wordIndex, uint256 shift) {
        wordIndex = tokenId / _TOKENS_PER_WORD;
        shift = (tokenId % _TOKENS_PER_WORD) * _ID_BITS;
    }

    /// @dev Bits of the 24-bit lanes `fromLane .. toLane` (inclusive).
    function _laneMask(uint256 fromLane, uint256 toLane) private pure returns (uint256) {
        return ((1 << ((toLane + 1) * _ID_BITS)) - 1) ^ ((1 << (fromLane * _ID_BITS)) - 1);
    }

    // =============================================================================================
    // Internal: holder table
    // =============================================================================================

    /// @dev Adds `amount` to `account`'s balance, inserting it into the holder table if new; returns its id.
    function _credit(address account, uint256 amount) private returns (uint256 holderId) {
        uint256 entry;
        (holderId, entry) = _findHolder(account);
        if (entry == 0) entry = uint160(account); // claim the empty slot
        _holders[holderId] = entry + (amount << _BALANCE_SHIFT);
    }

    /**
     * @dev Probes `account`'s candidate ids until one holds `account` (returns it and its entry) or is empty
     * (returns it and 0: where `account` would be inserted). Takes ~1/(1 - load) probes on average; the loop
     * only fails to end (runs out of gas) once all 2^24-1 ids are taken, i.e. after 16.7M distinct holders.
     */
    function _findHolder(address account) private view returns (uint256 holderId, uint256 entry) {
        for (uint256 probe = 0; ; ++probe) {
            holderId = (uint256(keccak256(abi.encode(account, probe))) % _HOLDER_ID_COUNT) + 1;
            entry = _holders[holderId];
            if (entry == 0 || address(uint160(entry)) == account) return (holderId, entry);
        }
    }

    // =============================================================================================
    // Internal: metadata
    // =============================================================================================

    function _requireDigest(bytes32 digest) private pure {
        if (digest == 0) revert CollectionZeroDigest();
    }

    /**
     * @dev First token of the mint call that created `tokenId`: the closest flagged token at or before it.
     * Walks back at most ~100 words (batches have <= 1000 tokens); only `tokenURI` (a view) uses this.
     */
    function _mintStartOf(uint256 tokenId) private view returns (uint256) {
        (uint256 wordIndex, ) = _position(tokenId);
        uint256 lane = tokenId % _TOKENS_PER_WORD;
        // flags of the lanes 0 .. lane
        uint256 flags = (_ownerWords[wordIndex] >> _FLAGS_SHIFT) & ((2 << lane) - 1);
        while (flags == 0) {
            --wordIndex;
            flags = (_ownerWords[wordIndex] >> _FLAGS_SHIFT) & _FLAGS_MASK;
        }
        return wordIndex * _TOKENS_PER_WORD + Math.log2(flags); // the highest flag is the closest start
    }

    /**
     * @dev CIDv1 `0x01 codec 0x12 0x20 digest` (sha2-256 multihash) in multibase base32: "b" followed by
     * RFC 4648 base32 (lowercase, no padding) of those 36 bytes = 58 characters (288 bits / 5, rounded up,
     * the last character padded with zero bits).
     */
    function _cidV1(uint8 codec, bytes32 digest) private pure returns (string memory) {
        bytes memory cid = abi.encodePacked(uint8(0x01), codec, uint8(0x12), uint8(0x20), digest);
        bytes memory out = new bytes(59);
        out[0] = "b";
        for (uint256 i = 0; i < 58; ++i) {
            uint256 bit = i * 5;
            uint256 byteIndex = bit / 8;
            // the 16 bits starting at `byteIndex` contain the whole 5-bit group
            uint256 window = uint256(uint8(cid[byteIndex])) << 8;
            if (byteIndex + 1 < cid.length) window |= uint8(cid[byteIndex + 1]);
            out[i + 1] = _BASE32_ALPHABET[(window >> (11 - (bit % 8))) & 31];
        }
        return string(out);
    }
}
