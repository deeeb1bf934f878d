// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Benchmark-only OpenZeppelin 5 baselines for gas/measure.mjs (compiled with the same settings as src/,
// never deployed by the application).

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC1155URIStorage} from "@openzeppelin/contracts/token/ERC1155/extensions/ERC1155URIStorage.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";

/// @notice Plain OZ ERC721: the reference for transfer gas.
contract OzErc721Baseline is ERC721 {
    constructor() ERC721("Baseline", "BASE") {}

    /// @dev Mints ids `first .. first+count-1` to `to`, one `_mint` each (setup only, not measured).
    function mintRange(address to, uint256 first, uint256 count) external {
        for (uint256 id = first; id < first + count; ++id) _mint(to, id);
    }
}

/// @notice OZ ERC721URIStorage storing the full `ipfs://<cid>` per token: the reference for single-mint gas.
/// Ids are sequential like Collection's, so it pays the same counter rewrite; it has no access control
/// (Collection pays a role check), which makes the baseline slightly cheaper, i.e. the comparison stricter.
contract OzUriStorageBaseline is ERC721URIStorage {
    uint256 private _nextTokenId = 1;

    constructor() ERC721("Baseline", "BASE") {}

    function mint(address to, string calldata uri) external returns (uint256 tokenId) {
        tokenId = _nextTokenId++;
        _mint(to, tokenId);
        _setTokenURI(tokenId, uri);
    }
}

/// @notice `OzUriStorageBaseline` plus OZ's per-token ERC-2981 royalty set at mint: the reference for a mint that
/// records its creator's royalty, as `Collection.mint` does.
contract OzUriStorageRoyaltyBaseline is ERC721URIStorage, ERC2981 {
    uint256 private _nextTokenId = 1;

    constructor() ERC721("Baseline", "BASE") {}

    function mint(address to, string calldata uri, address royaltyReceiver, uint96 royaltyBps) external returns (uint256 tokenId) {
        tokenId = _nextTokenId++;
        _mint(to, tokenId);
        _setTokenURI(tokenId, uri);
        _setTokenRoyalty(tokenId, royaltyReceiver, royaltyBps);
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721URIStorage, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}

/// @notice Plain OZ ERC1155 with a URI template: the reference for ERC-1155 transfer gas.
contract OzErc1155Baseline is ERC1155 {
    constructor() ERC1155("ipfs://template/{id}") {}

    function mint(address to, uint256 id, uint256 amount) external {
        _mint(to, id, amount, "");
    }
}

/// @notice OZ ERC1155URIStorage with an owner-only mint of the next id as an edition with its own full
/// `ipfs://` URI: the reference for `Editions.mint`, which gives each edition its own metadata.
contract OzErc1155UriStorageBaseline is ERC1155URIStorage, Ownable {
    uint256 private _nextTokenId = 1;

    constructor() ERC1155("") Ownable(msg.sender) {}

    function mint(address to, uint256 amount, string calldata tokenUri) external onlyOwner returns (uint256 tokenId) {
        tokenId = _nextTokenId++;
        _setURI(tokenId, tokenUri);
        _mint(to, tokenId, amount, "");
    }
}
